import { describe, expect, it } from 'vitest';
import { checkDeclaration, type DeclarationCheckInput } from './declaration-checks.js';
import { unwrap } from './result.js';
import { aClause, aDeclaration, aPlacement, aValidation, h } from './test-factories.js';

const check = (overrides: Partial<DeclarationCheckInput> = {}) =>
  unwrap(
    checkDeclaration({
      declaration: aDeclaration({ status: 'submitted' }),
      clause: aClause(),
      placements: [aPlacement()],
      otherDeclarations: [],
      eligibilityValidations: [aValidation()],
      today: '2025-02-05',
      ...overrides,
    }),
  );

describe('contrôles à la validation d’une déclaration mensuelle', () => {
  it('une déclaration conforme ne lève aucune violation', () => {
    expect(check()).toEqual({ acceptable: true, violations: [] });
  });

  it.each<[string, Partial<DeclarationCheckInput>, string, 'error' | 'warning']>([
    ['plus d’heures que le contrat de 35 h ne le permet', { declaration: aDeclaration({ workedMinutes: h(160) }) }, 'above_plausible_maximum', 'error'],
    ['plus de 48 h par semaine', { declaration: aDeclaration({ workedMinutes: h(240) }) }, 'above_weekly_legal_maximum', 'error'],
    ['plus de 48 h par semaine sans durée de contrat connue', { placements: [aPlacement({ weeklyMinutes: null })], declaration: aDeclaration({ workedMinutes: h(225) }) }, 'above_weekly_legal_maximum', 'error'],
    ['période hors des dates de la mise en poste', { placements: [aPlacement({ startDate: '2025-02-01' })] }, 'period_outside_placement', 'error'],
    ['période pas encore commencée', { declaration: aDeclaration({ month: '2025-03' }) }, 'period_in_future', 'error'],
    ['éligibilité non valide sur la période', { eligibilityValidations: [aValidation({ validatedAt: '2025-02-03', criteria: [{ code: 'RSA', proofDate: '2025-02-01' }] })] }, 'eligibility_not_valid', 'error'],
    ['éligibilité validée en cours de mois', { eligibilityValidations: [aValidation({ validatedAt: '2025-01-15', criteria: [{ code: 'RSA', proofDate: '2025-01-10' }] })] }, 'eligibility_partial', 'warning'],
    ['justificatif absent alors que la clause l’exige', { declaration: aDeclaration({ proofDocumentIds: [] }) }, 'proof_missing', 'error'],
    ['déclaration déjà transmise pour ce mois', { otherDeclarations: [aDeclaration({ id: 'd-0', status: 'validated' })] }, 'duplicate_declaration', 'error'],
    ['heures sur un autre lot', { placements: [aPlacement({ lotId: 'lot-2' })] }, 'other_lot', 'error'],
    [
      'mêmes heures déclarées sur une autre clause',
      {
        placements: [aPlacement(), aPlacement({ id: 'mp-2', clauseId: 'clause-2', lotId: 'lot-2', weeklyMinutes: h(35) })],
        otherDeclarations: [aDeclaration({ id: 'd-2', placementId: 'mp-2', status: 'validated', workedMinutes: h(140) })],
        declaration: aDeclaration({ workedMinutes: h(140) }),
      },
      'double_counting',
      'error',
    ],
  ])('%s → %s', (_label, overrides, code, severity) => {
    const result = check(overrides);
    expect(result.violations).toContainEqual(expect.objectContaining({ code, severity }));
    expect(result.acceptable).toBe(severity !== 'error');
    for (const item of result.violations) expect(item.message.length).toBeGreaterThan(10);
  });

  it('sans justificatif exigé par la clause, l’absence n’est pas une violation', () => {
    const result = check({ clause: aClause({ rules: { declarations: { requireProof: false } } }), declaration: aDeclaration({ proofDocumentIds: [] }) });
    expect(result.acceptable).toBe(true);
  });

  describe('« rien à déclarer ce mois-ci » : un mois transmis sans aucune heure', () => {
    const nothing = aDeclaration({ workedMinutes: 0, trainingMinutes: null, proofDocumentIds: [] });
    it('ne demande pas de justificatif et ne regarde pas l’éligibilité : il n’y a rien à compter', () => {
      expect(check({ declaration: nothing, eligibilityValidations: [] })).toEqual({ acceptable: true, violations: [] });
    });
    it.each<[string, Partial<Parameters<typeof aDeclaration>[0]>]>([
      ['des heures de formation', { trainingMinutes: h(7) }],
      ['des heures attestées par une SIAE', { attestedMinutes: h(35) }],
      ['un montant facturé par une SIAE', { invoiceCents: 120_000 }],
    ])('avec %s, le justificatif reste exigé', (_label, overrides) => {
      expect(check({ declaration: { ...nothing, ...overrides } }).violations).toContainEqual(expect.objectContaining({ code: 'proof_missing' }));
    });
    it('reste un doublon s’il existe déjà une déclaration du mois', () => {
      expect(check({ declaration: nothing, otherDeclarations: [aDeclaration({ id: 'd-0', status: 'submitted' })] }).violations).toContainEqual(
        expect.objectContaining({ code: 'duplicate_declaration' }),
      );
    });
  });

  it('une déclaration rejetée pour le même mois n’est pas un doublon', () => {
    expect(check({ otherDeclarations: [aDeclaration({ id: 'd-0', status: 'rejected' })] }).acceptable).toBe(true);
  });

  it('mise en poste introuvable : violation nommée', () => {
    const result = checkDeclaration({
      declaration: aDeclaration({ placementId: 'inconnue' }),
      clause: aClause(),
      placements: [aPlacement()],
      otherDeclarations: [],
      eligibilityValidations: [],
      today: '2025-02-05',
    });
    expect(result.ok ? [] : result.violations.map((item) => item.code)).toEqual(['unknown_placement']);
  });
});
