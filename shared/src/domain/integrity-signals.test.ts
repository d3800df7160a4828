import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthRange } from './calendar.js';
import { plainSpaces } from './format.js';
import {
  detectIntegritySignals,
  detectSignalsForDeclaration,
  isSignalNeighbour,
  isSignalVisibleToCompany,
  signalWeights,
  type IntegrityInput,
  type IntegritySignal,
  type SignalCode,
  type SignalDeclaration,
} from './integrity-signals.js';
import { plausibleMinutes } from './plausibility.js';
import { unwrap } from './result.js';
import { aSignalDeclaration, h } from './test-factories.js';

type Context = Omit<IntegrityInput, 'declarations'>;
const detect = (declarations: SignalDeclaration[], context: Context = {}) => unwrap(detectIntegritySignals({ declarations, ...context }));
const codes = (signals: readonly IntegritySignal[]) => signals.map((signal) => signal.code);
const row = aSignalDeclaration;
const exitOn = (exitDate: string): Context => ({ exits: [{ participantId: 'p-1', exitDate }] });
/** A job of p-1 at company B, full time from 1 January unless told otherwise. */
const jobAt = (job: { employerSiret?: string; startDate?: string; weeklyMinutes?: number } = {}): Context => ({
  employments: [{ participantId: 'p-1', employerSiret: 'entreprise-b', startDate: '2025-01-01', endDate: null, weeklyMinutes: h(35), ...job }],
});
const linkOf = (endDate: string | null): Context => ({ links: [{ id: 'lien-1', userId: 'facilitateur-1', siret: 'entreprise-a', nature: 'employment', startDate: '2024-01-01', endDate }] });
const months = (from: number, count: number, year = 2025) => Array.from({ length: count }, (_, index) => `${year}-${String(from + index).padStart(2, '0')}`);
/** One placement over several months, each figure given. */
const overMonths = (figures: number[], overrides: Partial<SignalDeclaration> = {}, from = 1) =>
  figures.map((minutes, index) => row({ id: `d-${index}`, month: months(from, figures.length)[index], minutes, ...overrides, proofs: [{ sha256: `bulletin-${index}`, kind: 'payslip' }] }));
/** Several people of one company in one month, each with the figure given. */
const people = (figures: number[], overrides: Partial<SignalDeclaration> = {}) =>
  figures.map((minutes, index) => row({ id: `d-${index}`, participantId: `p-${index}`, placementId: `mp-${index}`, minutes, ...overrides, proofs: [{ sha256: `bulletin-${index}`, kind: 'payslip' }] }));

// March 2025: legal maximum 48 h × 31 ÷ 7 days = 212 h 34 min.
const MARCH_LEGAL_MAXIMUM = 12_754;
// 35 h a week on all of the month: January 2025 has 23 weekdays (161 h), April 22 (154 h).
const maximumOf = (month: string, weekly = h(35)) => plausibleMinutes(weekly, monthRange(month), month);
// Twelve months of 2025, 50 h each, for the catch-up cases.
const clauseFacts = { clauseId: 'clause-1', startDate: '2025-01-01', endDate: '2025-12-31' };
const year = (submittedAt: (month: string) => string, minutes = h(50)) =>
  months(1, 12).map((month, index) => row({ id: `d-${index}`, month, minutes, submittedAt: submittedAt(month), proofs: [{ sha256: `bulletin-${index}`, kind: 'payslip' }] }));
const nextMonthFifth = (month: string) => (month === '2025-12' ? '2026-01-05' : `2025-${String(Number(month.slice(5)) + 1).padStart(2, '0')}-05`);

describe('signaux d’intégrité — chaque signal se déclenche, son cas voisin reste muet (decisions.md §16)', () => {
  it.each<[string, SignalDeclaration[], Context, SignalCode]>([
    [
      'deux employeurs déclarent 220 h pour la même personne en mars, au-delà des 212 h 34 légales',
      [row({ minutes: h(120) }), row({ id: 'd-2', placementId: 'mp-2', clauseId: 'clause-2', employerSiret: 'entreprise-b', minutes: h(100) })],
      {},
      'multi_employer_above_legal_maximum',
    ],
    ['heures en mars après une sortie le 14 février', [row({ minutes: h(60) })], exitOn('2025-02-14'), 'hours_after_exit'],
    ['110 h en mars pour une sortie le 20 mars (100 h au plus jusque-là)', [row({ minutes: h(110) })], exitOn('2025-03-20'), 'hours_after_exit'],
    [
      '40 h chez A alors que la personne est à temps plein chez B tout le mois',
      [row({ minutes: h(40) })],
      jobAt(),
      'placed_elsewhere_full_time',
    ],
    ['140 h pour 5 personnes le même mois chez A', people([h(140), h(140), h(140), h(140), h(140)]), {}, 'identical_figures_people'],
    ['140 h chaque mois pendant 4 mois pour la même personne', overMonths([h(140), h(140), h(140), h(140)]), {}, 'identical_figures_months'],
    ['100, 120, 150, 130 h : toujours des dizaines d’heures', overMonths([h(100), h(120), h(150), h(130)]), {}, 'always_round_figures'],
    [
      'toujours le maximum plausible des 35 h (161 h, 154 h…) sur 4 mois',
      ['2025-01', '2025-04', '2025-07', '2025-10'].map((month, index) => row({ id: `d-${index}`, month, minutes: maximumOf(month), proofs: [] })),
      {},
      'always_plausible_maximum',
    ],
    [
      'neuf mois transmis d’un coup le 25 novembre : 75 % des heures dans les 6 dernières semaines',
      year((month) => (month <= '2025-09' ? '2025-11-25' : nextMonthFifth(month))),
      { clauses: [clauseFacts] },
      'late_catch_up',
    ],
    [
      'après la mise en demeure du 1er juillet, 300 h transmises pour avril à juin',
      [
        ...overMonths([h(30), h(30), h(30)], { submittedAt: '2025-03-05' }),
        ...overMonths([h(100), h(100), h(100)], { submittedAt: '2025-07-10' }, 4).map((item, index) => ({ ...item, id: `r-${index}`, proofs: [] })),
      ],
      { clauses: [{ ...clauseFacts, formalNotices: ['2025-07-01'] }] },
      'catch_up_after_notice',
    ],
    ['le même bulletin joint aux déclarations de deux personnes', [row(), row({ id: 'd-2', participantId: 'p-2', placementId: 'mp-2', proofs: [{ sha256: 'empreinte-d-1', kind: 'payslip' }] })], {}, 'reused_proof'],
    ['le même bulletin joint à mars et à avril de la même personne', [row(), row({ id: 'd-2', month: '2025-04', proofs: [{ sha256: 'empreinte-d-1', kind: 'payslip' }] })], {}, 'reused_proof'],
    [
      'validation par une facilitatrice qui a déclaré travailler chez A',
      [row()],
      linkOf(null),
      'conflicted_validation',
    ],
  ])('se déclenche : %s → %s', (_label, declarations, context, code) => {
    const signals = detect(declarations, context);
    expect(codes(signals)).toContain(code);
    const signal = signals.find((candidate) => candidate.code === code) as IntegritySignal;
    expect(signal.explanation).toMatch(/\d/);
    expect(signal.declarationIds.length).toBeGreaterThan(0);
  });

  it.each<[string, SignalDeclaration[], Context, SignalCode]>([
    [
      'deux employeurs, 210 h au total : sous le maximum légal',
      [row({ minutes: h(120) }), row({ id: 'd-2', placementId: 'mp-2', employerSiret: 'entreprise-b', minutes: h(90) })],
      {},
      'multi_employer_above_legal_maximum',
    ],
    ['un seul employeur, deux mises en poste, 220 h : relève des contrôles de la déclaration', [row({ minutes: h(120) }), row({ id: 'd-2', placementId: 'mp-2', minutes: h(100) })], {}, 'multi_employer_above_legal_maximum'],
    ['90 h en mars pour une sortie le 20 mars : tiennent avant la sortie', [row({ minutes: h(90) })], exitOn('2025-03-20'), 'hours_after_exit'],
    ['sortie le 31 mars : tout le mois est avant la sortie', [row({ minutes: h(150) })], exitOn('2025-03-31'), 'hours_after_exit'],
    [
      'emploi à temps partiel (20 h) chez B',
      [row({ minutes: h(40) })],
      jobAt({ weeklyMinutes: h(20) }),
      'placed_elsewhere_full_time',
    ],
    [
      'temps plein chez B à partir du 10 mars : les heures peuvent précéder',
      [row({ minutes: h(40) })],
      jobAt({ startDate: '2025-03-10' }),
      'placed_elsewhere_full_time',
    ],
    [
      'le temps plein est chez A elle-même',
      [row({ minutes: h(140) })],
      jobAt({ employerSiret: 'entreprise-a' }),
      'placed_elsewhere_full_time',
    ],
    ['151,67 h (35 h mensualisées) pour 5 personnes : un bulletin honnête', people([9100, 9100, 9100, 9100, 9100]), {}, 'identical_figures_people'],
    ['86,67 h (20 h mensualisées, au prorata) pour 5 personnes', people(Array<number>(5).fill(5200), { weeklyMinutes: h(20) }), {}, 'identical_figures_people'],
    ['140 h pour 4 personnes seulement', people([h(140), h(140), h(140), h(140)]), {}, 'identical_figures_people'],
    ['151,67 h chaque mois pendant 12 mois : mensualisé', overMonths(Array<number>(12).fill(9100)), {}, 'identical_figures_months'],
    ['140 h trois mois seulement', overMonths([h(140), h(140), h(140)]), {}, 'identical_figures_months'],
    ['130 h chaque mois pour 30 h par semaine : rond, répété, mais mensualisé', overMonths(Array<number>(6).fill(h(130)), { weeklyMinutes: h(30) }), {}, 'identical_figures_months'],
    ['130 h chaque mois pour 30 h par semaine : pas « toujours rond » non plus', overMonths(Array<number>(6).fill(h(130)), { weeklyMinutes: h(30) }), {}, 'always_round_figures'],
    ['100, 120, 150, 133 h : un mois n’est pas rond', overMonths([h(100), h(120), h(150), h(133)]), {}, 'always_round_figures'],
    [
      'maximum plausible trois mois sur quatre',
      ['2025-01', '2025-04', '2025-07', '2025-10'].map((month, index) => row({ id: `d-${index}`, month, minutes: maximumOf(month) - (index === 3 ? 60 : 0), proofs: [] })),
      {},
      'always_plausible_maximum',
    ],
    ['151,67 h chaque mois : le maximum de bien des mois, mais mensualisé', overMonths(Array<number>(6).fill(9100)), {}, 'always_plausible_maximum'],
    ['50 h chaque mois, transmises chaque mois : un rythme régulier n’est pas un rattrapage', year(nextMonthFifth), { clauses: [clauseFacts] }, 'late_catch_up'],
    [
      'clause de 4 mois : trop courte pour juger',
      year(() => '2025-04-20').slice(0, 4),
      { clauses: [{ ...clauseFacts, endDate: '2025-04-30' }] },
      'late_catch_up',
    ],
    [
      'après la mise en demeure, des heures nouvelles pour juillet et août : une réaction, pas un rattrapage',
      [...overMonths([h(30), h(30), h(30)], { submittedAt: '2025-03-05' }), ...overMonths([h(150), h(150)], { submittedAt: '2025-08-05' }, 7).map((item, index) => ({ ...item, id: `n-${index}`, proofs: [] }))],
      { clauses: [{ ...clauseFacts, formalNotices: ['2025-07-01'] }] },
      'catch_up_after_notice',
    ],
    [
      'le même bulletin rejoint à la même personne et au même mois (deux clauses)',
      [row(), row({ id: 'd-2', placementId: 'mp-2', clauseId: 'clause-2', proofs: [{ sha256: 'empreinte-d-1', kind: 'payslip' }] })],
      {},
      'reused_proof',
    ],
    [
      'une facture de structure d’insertion sur plusieurs personnes',
      [row({ proofs: [{ sha256: 'facture-1', kind: 'invoice' }] }), row({ id: 'd-2', participantId: 'p-2', proofs: [{ sha256: 'facture-1', kind: 'invoice' }] })],
      {},
      'reused_proof',
    ],
    [
      'lien terminé avant la validation',
      [row()],
      linkOf('2025-03-31'),
      'conflicted_validation',
    ],
  ])('cas voisin, muet : %s (pas de %s)', (_label, declarations, context, code) => {
    expect(codes(detect(declarations, context))).not.toContain(code);
  });
});

describe('signaux d’intégrité — explications chiffrées, clés stables, visibilité', () => {
  it('plusieurs employeurs : l’explication cite le total, le maximum et chaque employeur', () => {
    const [signal] = detect([row({ minutes: h(120) }), row({ id: 'd-2', placementId: 'mp-2', employerSiret: 'entreprise-b', minutes: h(100) })]);
    expect(signal?.key).toBe('multi_employer_above_legal_maximum|p-1|2025-03');
    expect(signal?.figures).toEqual({ totalMinutes: h(220), legalMaximumMinutes: MARCH_LEGAL_MAXIMUM, employers: 2 });
    expect(plainSpaces(signal?.explanation ?? '')).toBe(
      '2 employeurs ont déclaré 220 h pour la même personne en mars 2025, plus que le maximum légal de 212 h 34 min (48 h par semaine sur le mois) : 120 h par entreprise-a, 100 h par entreprise-b.',
    );
    expect([signal?.severity, signal?.declarationIds, signal?.employerSirets]).toEqual(['high', ['d-1', 'd-2'], ['entreprise-a', 'entreprise-b']]);
  });

  it('sortie en cours de mois : l’explication dit ce que les jours avant la sortie pouvaient contenir', () => {
    const [signal] = detect([row({ minutes: h(110) })], exitOn('2025-03-20'));
    expect(plainSpaces(signal?.explanation ?? '')).toBe('110 h déclarées en mars 2025 par entreprise-a après la sortie de la personne le 20/03/2025 : au plus 100 h possibles jusqu’à cette date.');
  });

  it('rattrapage : part, heures et fenêtre', () => {
    const signal = detect(year((month) => (month <= '2025-09' ? '2025-11-25' : nextMonthFifth(month))), { clauses: [clauseFacts] }).find((candidate) => candidate.code === 'late_catch_up');
    expect(plainSpaces(signal?.explanation ?? '')).toBe('92 % des heures validées de la clause (550 h sur 600 h) ont été transmises dans les 6 semaines avant sa fin (31/12/2025).');
  });

  it('une entreprise ne voit que les signaux tirés de ses seules données', () => {
    const [multi] = detect([row({ minutes: h(120) }), row({ id: 'd-2', placementId: 'mp-2', employerSiret: 'entreprise-b', minutes: h(100) })]);
    const [copy] = detect(people([h(140), h(140), h(140), h(140), h(140)]));
    expect([isSignalVisibleToCompany(multi as IntegritySignal, 'entreprise-a'), isSignalVisibleToCompany(copy as IntegritySignal, 'entreprise-a'), isSignalVisibleToCompany(copy as IntegritySignal, 'entreprise-b')]).toEqual([false, true, false]);
  });

  it('poids des signaux par déclaration, pour un tirage de contrôle pondéré', () => {
    const signals = detect([
      row({ minutes: h(120) }),
      row({ id: 'd-2', placementId: 'mp-2', employerSiret: 'entreprise-b', minutes: h(100) }),
      row({ id: 'd-3', participantId: 'p-3', placementId: 'mp-3', proofs: [{ sha256: 'empreinte-d-1', kind: 'payslip' }] }),
    ]);
    expect(codes(signals)).toEqual(['multi_employer_above_legal_maximum', 'reused_proof']);
    expect(Object.fromEntries(signalWeights(signals))).toEqual({ 'd-1': 4 + 4, 'd-2': 4, 'd-3': 4 });
  });

  it('seuils réglables : 3 personnes suffisent si l’instance le décide', () => {
    expect(codes(detect(people([h(140), h(140), h(140)]), { settings: { identicalPeople: 3 } }))).toEqual(['identical_figures_people']);
  });

  it('brouillons et déclarations rejetées ne comptent pas', () => {
    expect(detect([row({ minutes: h(120) }), row({ id: 'd-2', placementId: 'mp-2', employerSiret: 'entreprise-b', minutes: h(100), status: 'rejected' })])).toEqual([]);
  });

  it.each([
    ['heures négatives', [row({ minutes: -1 })], 'negative_duration', 'declarations.0.minutes'],
    ['mois invalide', [row({ month: '2025-13' })], 'invalid_month', 'declarations.0.month'],
    ['statut inconnu', [row({ status: 'en_cours' as never })], 'invalid_value', 'declarations.0.status'],
  ])('mauvaise entrée : %s → %s', (_label, declarations, code, path) => {
    const result = detectIntegritySignals({ declarations });
    expect(result.ok ? [] : result.violations.map((item) => [item.code, item.path])).toContainEqual([code, path]);
  });
});

describe('signaux d’intégrité — vérification au fil de l’eau, à partir des voisins seulement', () => {
  it('une 5e personne à 140 h déclenche le signal ; les clés réévaluées disent quoi effacer', () => {
    const existing = people([h(140), h(140), h(140), h(140)]);
    const fifth = row({ id: 'd-new', participantId: 'p-new', placementId: 'mp-new', minutes: h(140), proofs: [] });
    const result = unwrap(detectSignalsForDeclaration({ declaration: fifth, neighbours: existing.filter((candidate) => isSignalNeighbour(fifth, candidate)) }));
    expect(codes(result.signals)).toEqual(['identical_figures_people']);
    expect(result.evaluatedKeys).toContain('identical_figures_people|entreprise-a|2025-03|8400');
  });

  it('une correction sort la déclaration de son groupe : l’ancienne clé est réévaluée, le signal disparaît', () => {
    const five = people([h(140), h(140), h(140), h(140), h(140)]);
    const corrected = { ...(five[0] as SignalDeclaration), minutes: h(138) };
    const result = unwrap(detectSignalsForDeclaration({ declaration: corrected, previous: five[0], neighbours: five }));
    expect(result.signals).toEqual([]);
    expect(result.evaluatedKeys).toContain('identical_figures_people|entreprise-a|2025-03|8400');
  });

  // Small worlds, so that groups and coincidences happen often.
  const declarationArb = fc.record({
    person: fc.integer({ min: 0, max: 4 }),
    employer: fc.constantFrom('entreprise-a', 'entreprise-b', 'entreprise-c'),
    clause: fc.constantFrom('clause-1', 'clause-2'),
    month: fc.integer({ min: 1, max: 8 }),
    minutes: fc.constantFrom(9100, h(140), h(100), h(120), h(50), 0, 5200, h(161)),
    weekly: fc.constantFrom(h(35), h(20), null),
    status: fc.constantFrom('validated', 'validated', 'submitted', 'rejected') as fc.Arbitrary<SignalDeclaration['status']>,
    submittedDay: fc.integer({ min: 0, max: 330 }),
    proof: fc.constantFrom('b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6', 'b-7'),
  });
  const worldArb = fc.array(declarationArb, { minLength: 1, maxLength: 40 }).map((specs) =>
    specs.map((spec, index) =>
      row({
        id: `d-${index}`,
        participantId: `p-${spec.person}`,
        placementId: `mp-${spec.person}-${spec.employer}`,
        clauseId: spec.clause,
        employerSiret: spec.employer,
        month: `2025-0${spec.month}`,
        minutes: spec.minutes,
        weeklyMinutes: spec.weekly,
        status: spec.status,
        submittedAt: new Date(Date.UTC(2025, 0, 15 + spec.submittedDay)).toISOString().slice(0, 10),
        proofs: [{ sha256: spec.proof, kind: 'payslip' }],
      }),
    ),
  );
  const context: Context = {
    exits: [{ participantId: 'p-1', exitDate: '2025-04-10' }],
    employments: [
      { participantId: 'p-2', employerSiret: 'entreprise-a', startDate: '2025-03-01', endDate: null, weeklyMinutes: h(35) },
      { participantId: 'p-2', employerSiret: 'entreprise-b', startDate: '2025-01-01', endDate: '2025-06-30', weeklyMinutes: h(39) },
    ],
    clauses: [{ clauseId: 'clause-1', startDate: '2025-01-01', endDate: '2025-08-31', formalNotices: ['2025-05-02'] }],
    links: [{ id: 'lien', userId: 'facilitateur-1', siret: 'entreprise-b', nature: 'business', startDate: '2025-01-01', endDate: null }],
    settings: { identicalPeople: 3, identicalMonths: 2, roundMonths: 2, maximumMonths: 2, catchUpMinMonths: 3 },
  };

  it('propriété : pour chaque déclaration, la vérification à partir de ses voisins donne exactement les signaux du calcul complet sur ses groupes', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const full = detect(world, context);
        for (const declaration of world) {
          const neighbours = world.filter((candidate) => isSignalNeighbour(declaration, candidate));
          const incremental = unwrap(detectSignalsForDeclaration({ declaration, neighbours, ...context }));
          const evaluated = new Set(incremental.evaluatedKeys);
          expect(incremental.signals).toEqual(full.filter((signal) => evaluated.has(signal.key)));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('propriété : l’ordre des déclarations ne change pas les signaux', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        expect(detect([...world].reverse(), context)).toEqual(detect(world, context));
      }),
      { numRuns: 100 },
    );
  });

  it('propriété : des bulletins mensualisés honnêtes ne lèvent jamais « copier-coller », « toujours rond » ni « toujours au maximum »', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(h(35), h(30), h(24), h(20), 1000), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (weeklies, monthCount) => {
        const declarations = weeklies.flatMap((weekly, person) =>
          months(1, monthCount).map((month) =>
            row({ id: `d-${person}-${month}`, participantId: `p-${person}`, placementId: `mp-${person}`, month, weeklyMinutes: weekly, minutes: Math.round((weekly * 52) / 12), proofs: [] }),
          ),
        );
        const found = codes(detect(declarations));
        for (const code of ['identical_figures_people', 'identical_figures_months', 'always_round_figures', 'always_plausible_maximum'] as const) expect(found).not.toContain(code);
      }),
    );
  });
});
