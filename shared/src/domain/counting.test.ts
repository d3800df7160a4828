import { describe, expect, it } from 'vitest';
import { assessCompliance } from './compliance.js';
import { countClauseHours, type CountingInput, type CountingResult } from './counting.js';
import { formatHours, formatPercent, plainSpaces } from './format.js';
import { unwrap } from './result.js';
import type { ClauseRulesOverrides } from './clause-rules.js';
import type { HourDeclaration, Placement } from './schemas.js';
import { aClause, aDeclaration, aPlacement, aSubcontract, aValidation, h } from './test-factories.js';

function count(input: Partial<CountingInput> & { rules?: ClauseRulesOverrides } = {}): CountingResult {
  const { rules, ...rest } = input;
  return unwrap(
    countClauseHours({
      clause: aClause({ rules }),
      placements: [aPlacement()],
      declarations: [],
      eligibilityValidations: [aValidation()],
      ...rest,
    }),
  );
}

const excludedBy = (result: CountingResult, rule: string): number =>
  result.excluded.filter((slice) => slice.rule === rule).reduce((total, slice) => total + slice.minutes, 0);

describe('comptage — exemple chiffré de référence (§5.3)', () => {
  const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
  const result = count({
    placements: [
      aPlacement({ id: 'mp-A', participantId: 'A', startDate: '2025-01-02', endDate: '2025-05-30' }),
      aPlacement({ id: 'mp-B', participantId: 'B', modality: 'etti', contractType: 'temporary_work', employerRole: 'provider', startDate: '2025-02-03', endDate: '2025-03-28' }),
      aPlacement({ id: 'mp-C', participantId: 'C', startDate: '2025-03-10', endDate: '2025-03-19' }),
    ],
    declarations: [
      // 151,67 h par mois (35 h × 52 ÷ 12 = 9 100 min) pendant 5 mois = 758 h.
      ...months.map((month, index) => aDeclaration({ id: `dA-${index}`, placementId: 'mp-A', month, workedMinutes: 9100 })),
      aDeclaration({ id: 'dB-1', placementId: 'mp-B', month: '2025-02', workedMinutes: h(60) }),
      aDeclaration({ id: 'dB-2', placementId: 'mp-B', month: '2025-03', workedMinutes: h(60) }),
      aDeclaration({ id: 'dC-1', placementId: 'mp-C', month: '2025-03', workedMinutes: h(30) }),
    ],
    eligibilityValidations: [
      aValidation({ id: 'vA', participantId: 'A', validatedAt: '2025-01-02' }),
      aValidation({ id: 'vB', participantId: 'B', validatedAt: '2025-01-20' }),
      aValidation({ id: 'vC', participantId: 'C', validatedAt: '2025-03-20', criteria: [{ code: 'RSA', proofDate: '2025-03-01' }] }),
    ],
    siaeSubcontracts: [aSubcontract({ attestations: [{ id: 'att-1', month: '2025-04', minutes: h(90) }] })],
  });

  it.each([
    ['CDD du participant A', 'A', 45_500],
    ['ETTI du participant B', 'B', h(120)],
    ['participant C, embauché le 10 mars, validé le 20 mars', 'C', 0],
  ])('%s : %i minutes comptées', (_label, participantId, minutes) => {
    expect(result.byParticipant.find((row) => row.participantId === participantId)?.countedMinutes).toBe(minutes);
  });

  it('968 h comptées, 116 %, excédent 135 h signalé (C11), 30 h exclues avant validation (C2)', () => {
    expect(plainSpaces(formatHours(Math.floor(result.countedMinutes / 60) * 60))).toBe('968 h');
    expect(result.countedMinutes).toBe(45_500 + h(120) + h(90));
    expect(formatPercent(Math.floor((result.countedMinutes / result.requiredMinutes) * 100) / 100).replace('\u00a0', ' ')).toBe('116 %');
    expect(Math.floor(result.surplusMinutes / 60)).toBe(135);
    expect(result.excludedByRule).toEqual([{ rule: 'C2', minutes: h(30) }]);
    expect(result.excluded[0]?.reason).toContain('validation de l’éligibilité');
  });

  it('répartition par modalité et par mois', () => {
    expect(result.byModality.filter((row) => row.countedMinutes > 0)).toEqual([
      { modality: 'direct_hire', countedMinutes: 45_500 },
      { modality: 'etti', countedMinutes: h(120) },
      { modality: 'siae_subcontract', countedMinutes: h(90) },
    ]);
    expect(result.byMonth.map((row) => row.month)).toEqual(months);
  });

  it('statut « conforme »', () => {
    const compliance = unwrap(assessCompliance({ clause: aClause(), countedMinutes: result.countedMinutes, missingPeriods: 0, today: '2025-06-15' }));
    expect(compliance.status).toBe('met');
    expect(compliance.progress).toBe(1.1625);
  });
});

describe('comptage — sous-traitance SIAE / EA / ESAT (C7)', () => {
  const invoice = { id: 'f-1', date: '2025-04-30', amountCents: 4_000_000 };
  it.each([
    ['facture seule : 40 000 € × 80 % ÷ 25 €/h = 1 280 h', [invoice], [], h(1280), 0],
    ['attestation seule', [], [{ id: 'a-1', month: '2025-04', minutes: h(300) }], h(300), 0],
    ['attestation inférieure à la conversion : l’attestation', [invoice], [{ id: 'a-1', month: '2025-04', minutes: h(1000) }], h(1000), 0],
    ['attestation supérieure à la conversion : plafonnée', [invoice], [{ id: 'a-1', month: '2025-04', minutes: h(1500) }], h(1280), h(220)],
  ])('%s', (_label, invoices, attestations, counted, excluded) => {
    const result = count({ siaeSubcontracts: [aSubcontract({ invoices, attestations })] });
    expect(result.countedMinutes).toBe(counted);
    expect(excludedBy(result, 'C7')).toBe(excluded);
    expect(result.bySubcontract[0]?.countedMinutes).toBe(counted);
  });

  it('la formule de conversion se lit en français', () => {
    const result = count({ siaeSubcontracts: [aSubcontract({ invoices: [invoice] })] });
    expect(plainSpaces(result.bySubcontract[0]?.formula ?? '')).toBe('40 000,00 € × 80 % ÷ 25,00 €/h = 1 280 h');
  });

  it('C7 non retenue : rien ne compte ; EA comptée en modalité EA/ESAT', () => {
    expect(count({ rules: { counting: { c7: { enabled: false } } }, siaeSubcontracts: [aSubcontract({ invoices: [invoice] })] }).countedMinutes).toBe(0);
    const ea = count({ siaeSubcontracts: [aSubcontract({ structureKind: 'ea', attestations: [{ id: 'a', month: '2025-04', minutes: 600 }] })] });
    expect(ea.byModality.find((row) => row.modality === 'ea_esat_subcontract')?.countedMinutes).toBe(600);
  });
});

describe('comptage — chaque règle exclut une tranche nommée', () => {
  type Case = [string, Partial<CountingInput> & { rules?: ClauseRulesOverrides }, number, string | null, number];
  const cases: Case[] = [
    ['C1 : heures sur un autre lot', { placements: [aPlacement({ lotId: 'lot-2' })], declarations: [aDeclaration()] }, 0, 'C1', 9100],
    ['C1 désactivée : l’autre lot compte', { rules: { counting: { c1: { enabled: false } } }, placements: [aPlacement({ lotId: 'lot-2' })], declarations: [aDeclaration()] }, 9100, null, 0],
    ['C2 : salarié déjà présent avant la clause', { placements: [aPlacement({ preexistingEmployee: true })], declarations: [aDeclaration()] }, 0, 'C2', 9100],
    ['C2 : aucune éligibilité validée', { eligibilityValidations: [], declarations: [aDeclaration()] }, 0, 'C2', 9100],
    ['C3 : congés non comptés', { declarations: [aDeclaration({ workedMinutes: 8000, leaveMinutes: 1100 })] }, 8000, 'C3', 1100],
    ['C3 : congés comptés si la clause le prévoit', { rules: { counting: { c3: { countLeave: true } } }, declarations: [aDeclaration({ workedMinutes: 8000, leaveMinutes: 1100 })] }, 9100, null, 0],
    ['C4 : formation de l’alternance comptée', { placements: [aPlacement({ contractType: 'apprenticeship' })], declarations: [aDeclaration({ workedMinutes: 6000, trainingMinutes: 3000 })] }, 9000, null, 0],
    ['C4 désactivée', { rules: { counting: { c4: { enabled: false } } }, placements: [aPlacement({ contractType: 'apprenticeship' })], declarations: [aDeclaration({ workedMinutes: 6000, trainingMinutes: 3000 })] }, 6000, 'C4', 3000],
    ['C6 désactivée : mise à disposition ETTI', { rules: { counting: { c6: { enabled: false } } }, placements: [aPlacement({ modality: 'etti' })], declarations: [aDeclaration()] }, 0, 'C6', 9100],
    ['C8 par défaut : formation non comptée', { placements: [aPlacement({ modality: 'training', contractType: 'training_agreement' })], declarations: [aDeclaration({ workedMinutes: 0, trainingMinutes: 4000 })] }, 0, 'C8', 4000],
    ['C8 : formation hors alternance non comptée par défaut', { declarations: [aDeclaration({ workedMinutes: 8000, trainingMinutes: 700 })] }, 8000, 'C8', 700],
    ['C8 active, plafond de 20 h par personne', { rules: { counting: { c8: { enabled: true, maxMinutesPerParticipant: h(20) } } }, placements: [aPlacement({ modality: 'training' })], declarations: [aDeclaration({ workedMinutes: 0, trainingMinutes: h(50) })] }, h(20), 'C8', h(30)],
    ['C8 active, plafond de 1 % des heures requises (8 h)', { rules: { counting: { c8: { enabled: true, maxShareOfRequired: 0.01 } } }, placements: [aPlacement({ modality: 'training' })], declarations: [aDeclaration({ workedMinutes: 0, trainingMinutes: h(50) })] }, 499, 'C8', h(50) - 499],
    ['C9 : plafond de 100 h par personne', { rules: { counting: { c9: { maxMinutesPerParticipant: h(100) } } }, declarations: [aDeclaration(), aDeclaration({ id: 'd-2', month: '2025-02' })] }, h(100), 'C9', 18_200 - h(100)],
    ['C13 désactivée : salarié d’un sous-traitant', { rules: { counting: { c13: { enabled: false } } }, placements: [aPlacement({ employerRole: 'subcontractor' })], declarations: [aDeclaration()] }, 0, 'C13', 9100],
    ['déclaration seulement transmise, pas validée', { declarations: [aDeclaration({ status: 'submitted' })] }, 0, 'NOT_VALIDATED', 9100],
    ['mois hors des dates de la mise en poste', { placements: [aPlacement({ endDate: '2025-03-31' })], declarations: [aDeclaration({ month: '2025-04' })] }, 0, 'PLACEMENT_PERIOD', 9100],
    ['C12 : plus que le maximum plausible d’un contrat de 35 h en février', { declarations: [aDeclaration({ month: '2025-02', workedMinutes: 12_000 })] }, 9100, 'C12', 2900],
    ['C12 : déclaration en double pour le même mois', { declarations: [aDeclaration(), aDeclaration({ id: 'd-2', workedMinutes: 5000, submittedAt: '2025-02-07' })] }, 9100, 'C12', 5000],
  ];
  it.each(cases)('%s', (_label, input, counted, rule, excluded) => {
    const result = count(input);
    expect(result.countedMinutes).toBe(counted);
    if (rule) expect(excludedBy(result, rule)).toBe(excluded);
    const declared = (input.declarations ?? []).reduce((total, d) => total + d.workedMinutes + (d.trainingMinutes ?? 0) + (d.leaveMinutes ?? 0), 0);
    const totalExcluded = result.excluded.reduce((total, slice) => total + slice.minutes, 0);
    // Every declared minute is either counted or excluded by a named rule.
    expect(result.countedMinutes + totalExcluded).toBe(declared);
    for (const slice of result.excluded) expect(slice.reason.length).toBeGreaterThan(10);
  });
});

describe('comptage — mois à cheval : prorata des jours ouvrés', () => {
  it('validation le 15 mai 2025 : 11 jours ouvrés sur 19 comptent (Ascension et 8 mai exclus)', () => {
    const result = count({
      placements: [aPlacement({ startDate: '2025-05-01' })],
      eligibilityValidations: [aValidation({ validatedAt: '2025-05-15', criteria: [{ code: 'RSA', proofDate: '2025-05-01' }] })],
      declarations: [aDeclaration({ month: '2025-05', workedMinutes: h(133) })],
    });
    expect(result.countedMinutes).toBe(4620);
    expect(result.excluded).toEqual([expect.objectContaining({ rule: 'C2', code: 'before_validation', minutes: 3360 })]);
  });

  it('fin de clause le vendredi 13 juin 2025 : 9 jours ouvrés sur 20 comptent (lundi de Pentecôte exclu)', () => {
    const result = count({
      clause: aClause({ endDate: '2025-06-13' }),
      declarations: [aDeclaration({ month: '2025-06', workedMinutes: h(140) })],
    });
    expect(result.countedMinutes).toBe(3780);
    expect(result.excluded).toEqual([expect.objectContaining({ rule: 'CLAUSE_PERIOD', code: 'after_clause', minutes: 4620 })]);
  });

  it('début de mise en poste en cours de mois : le mois déclaré porte sur les jours de la mise en poste, rien n’est exclu', () => {
    const result = count({
      placements: [aPlacement({ startDate: '2025-03-10', endDate: '2025-03-19' })],
      declarations: [aDeclaration({ month: '2025-03', workedMinutes: h(56) })],
    });
    expect(result.countedMinutes).toBe(h(56));
  });

  it('C9 : fenêtre de 12 mois à partir de la première heure comptée (mi-janvier)', () => {
    const result = count({
      clause: aClause({ endDate: '2026-12-31', rules: { counting: { c9: { windowMonths: 12 } } } }),
      placements: [aPlacement({ startDate: '2025-01-15' })],
      declarations: [aDeclaration({ month: '2025-01', workedMinutes: h(90) }), aDeclaration({ id: 'd-2', month: '2026-01', workedMinutes: h(140) })],
    });
    const person = result.byParticipant[0];
    expect([person?.firstCountedDay, person?.windowEnd]).toEqual(['2025-01-15', '2026-01-14']);
    // January 2026: 21 working days (1 January off), 9 of them up to the 14th.
    expect(excludedBy(result, 'C9')).toBe(h(140) - Math.floor((h(140) * 9) / 21));
  });
});

describe('comptage — une même heure ne compte pas deux fois (C12) et mutualisation (C10)', () => {
  const placements: Placement[] = [aPlacement(), aPlacement({ id: 'mp-2', clauseId: 'clause-2', lotId: 'lot-9' })];
  const own = aDeclaration({ submittedAt: '2025-02-06' });
  const other = aDeclaration({ id: 'd-other', placementId: 'mp-2', submittedAt: '2025-02-05' });

  it('deux clauses le même mois : l’excédent tombe sur la déclaration transmise en dernier', () => {
    const result = count({ placements, declarations: [own, other] });
    // Legal maximum for January 2025: 48 h × 23 weekdays ÷ 5 = 220 h 48 min.
    expect(result.countedMinutes).toBe(13_248 - 9100);
    expect(result.excluded[0]?.reason).toContain('clause-2');
  });

  it('transmise en premier, la déclaration de la clause compte entièrement', () => {
    const result = count({ placements, declarations: [{ ...own, submittedAt: '2025-02-01' }, other] });
    expect(result.countedMinutes).toBe(9100);
  });

  const pooled = (c10: boolean) => ({
    rules: { counting: { c10: { enabled: c10 } } },
    placements,
    declarations: [other],
    poolingAgreements: [{ id: 'conv-1', contractorId: 'titulaire-1', clauseIds: ['clause-1', 'clause-2'], startDate: '2025-01-01', endDate: '2025-12-31', allocations: [{ declarationId: 'd-other', clauseId: 'clause-1', minutes: 3000 }] }],
  });

  it('C10 : heures affectées par la convention de mutualisation', () => {
    const result = count(pooled(true));
    expect(result.countedMinutes).toBe(3000);
    expect(result.counted[0]).toEqual(expect.objectContaining({ source: 'pooling', pooledFromClauseId: 'clause-2' }));
  });

  it('C10 désactivée : l’affectation est signalée mais ne compte pas', () => {
    const result = count(pooled(false));
    expect(result.countedMinutes).toBe(0);
    expect(excludedBy(result, 'C10')).toBe(3000);
  });

  it('C10 : la clause d’origine perd les heures affectées', () => {
    const origin = unwrap(
      countClauseHours({
        clause: aClause({ id: 'clause-2', lotId: 'lot-9' }),
        placements,
        declarations: [other],
        eligibilityValidations: [aValidation()],
        poolingAgreements: pooled(true).poolingAgreements,
      }),
    );
    expect(origin.countedMinutes).toBe(9100 - 3000);
    expect(excludedBy(origin, 'C10')).toBe(3000);
  });
});

describe('comptage — politiques CDI (C5)', () => {
  const cdi = [aPlacement({ contractType: 'cdi', startDate: '2025-01-02' })];
  const declarations: HourDeclaration[] = [
    aDeclaration({ month: '2025-01', workedMinutes: 4000, companyMinutes: 9100 }),
    aDeclaration({ id: 'd-2', month: '2025-02', workedMinutes: 4000, companyMinutes: 9100 }),
  ];
  it.each([
    ['stricte : heures du lot seulement', { counting: { c5: { policy: 'strict' } } }, 8000],
    // The CDI began on 2 January: its first month ends on 1 February, so February's company hours fall outside.
    ['heures dans l’entreprise pendant 1 mois', { counting: { c5: { policy: 'company_hours_n_months', months: 1 } } }, 8000 + 5100],
    ['bonus forfaitaire de 70 h par CDI', { counting: { c5: { policy: 'flat_bonus_hours', bonusMinutes: h(70) } } }, 8000 + h(70)],
  ] as const)('%s', (_label, rules, counted) => {
    expect(count({ rules: rules as ClauseRulesOverrides, placements: cdi, declarations }).countedMinutes).toBe(counted);
  });
});

describe('comptage — mauvaises entrées', () => {
  it.each([
    ['clause dont la fin précède le début', { clause: aClause({ startDate: '2025-12-31', endDate: '2025-01-01' }) }, 'inverted_dates', 'clause.endDate'],
    ['heures négatives', { declarations: [aDeclaration({ workedMinutes: -60 })] }, 'negative_duration', 'declarations.0.workedMinutes'],
    ['mois invalide', { declarations: [aDeclaration({ month: '2025-13' })] }, 'invalid_month', 'declarations.0.month'],
    ['mise en poste inconnue', { declarations: [aDeclaration({ placementId: 'inconnue' })] }, 'unknown_placement', 'declarations.0.placementId'],
  ])('%s → %s', (_label, input, code, path) => {
    const result = countClauseHours({ clause: aClause(), placements: [aPlacement()], declarations: [], eligibilityValidations: [], ...input });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });
});
