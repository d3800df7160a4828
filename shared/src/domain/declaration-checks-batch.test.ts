import { describe, expect, it } from 'vitest';
import { checkDeclaration, checkDeclarations } from './declaration-checks.js';
import { unwrap } from './result.js';
import { aClause, aDeclaration, aPlacement, aValidation, h } from './test-factories.js';

const today = '2025-06-15';

describe('contrôles d’un lot de déclarations (relevé mensuel, import)', () => {
  it('donne, ligne à ligne, le même résultat que le contrôle d’une déclaration seule', () => {
    const placements = [
      aPlacement(),
      aPlacement({ id: 'mp-2', participantId: 'p-2', startDate: '2025-03-10', weeklyMinutes: h(20) }),
      aPlacement({ id: 'mp-3', participantId: 'p-3', lotId: 'lot-9' }),
    ];
    const validations = [aValidation(), aValidation({ id: 'v-2', participantId: 'p-2', validatedAt: '2025-04-14', criteria: [{ code: 'RSA', proofDate: '2025-04-01' }] })];
    const declarations = [
      aDeclaration({ id: 'a', month: '2025-03', workedMinutes: h(170), status: 'submitted' }),
      aDeclaration({ id: 'b', placementId: 'mp-2', month: '2025-02', status: 'submitted' }),
      aDeclaration({ id: 'c', placementId: 'mp-2', month: '2025-04', workedMinutes: h(80), status: 'submitted' }),
      aDeclaration({ id: 'd', placementId: 'mp-3', month: '2025-05', proofDocumentIds: [], status: 'submitted' }),
      aDeclaration({ id: 'e', month: '2025-07', status: 'submitted' }),
      aDeclaration({ id: 'f', month: '2025-05', workedMinutes: h(300), status: 'submitted' }),
    ];
    const batch = unwrap(checkDeclarations({ clause: aClause(), declarations, placements, otherDeclarations: [], eligibilityValidations: validations, today }));
    const single = declarations.map((declaration) =>
      unwrap(checkDeclaration({ declaration, clause: aClause(), placements, otherDeclarations: [], eligibilityValidations: validations, today })),
    );
    expect(batch).toEqual(single);
    expect(batch.map((result) => result.violations.map((item) => item.code))).toEqual([
      ['above_plausible_maximum'],
      ['period_outside_placement'],
      ['eligibility_partial'],
      ['other_lot', 'eligibility_not_valid', 'proof_missing'],
      ['period_in_future'],
      ['above_weekly_legal_maximum'],
    ]);
  });

  it('deux lignes du même lot pour la même mise en poste et le même mois : doublon', () => {
    const declarations = [aDeclaration({ id: 'a', status: 'submitted' }), aDeclaration({ id: 'b', status: 'submitted' })];
    const batch = unwrap(checkDeclarations({ clause: aClause(), declarations, placements: [aPlacement()], otherDeclarations: [], eligibilityValidations: [aValidation()], today }));
    expect(batch.map((result) => result.violations.map((item) => item.code))).toEqual([['duplicate_declaration'], ['duplicate_declaration']]);
  });

  it('une même personne sur deux mises en poste, trop d’heures au total dans le fichier : double comptage (C12)', () => {
    const placements = [aPlacement(), aPlacement({ id: 'mp-2', clauseId: 'clause-2', lotId: 'lot-2' })];
    const declarations = [aDeclaration({ id: 'a', workedMinutes: h(140), status: 'submitted' })];
    const others = [aDeclaration({ id: 'b', placementId: 'mp-2', workedMinutes: h(140), status: 'submitted' })];
    const batch = unwrap(checkDeclarations({ clause: aClause(), declarations, placements, otherDeclarations: others, eligibilityValidations: [aValidation()], today }));
    expect(batch[0]?.violations.map((item) => item.code)).toEqual(['double_counting']);
  });

  it('la déclaration remplacée (même identifiant) ne compte pas contre elle-même', () => {
    const declaration = aDeclaration({ id: 'a', status: 'submitted', workedMinutes: h(100) });
    const previous = aDeclaration({ id: 'a', status: 'rejected', workedMinutes: h(120) });
    const batch = unwrap(checkDeclarations({ clause: aClause(), declarations: [declaration], placements: [aPlacement()], otherDeclarations: [previous], eligibilityValidations: [aValidation()], today }));
    expect(batch[0]).toEqual({ acceptable: true, violations: [] });
  });

  it('une mise en poste inconnue est une violation nommée, à son rang', () => {
    const result = checkDeclarations({ clause: aClause(), declarations: [aDeclaration(), aDeclaration({ id: 'x', placementId: 'inconnue' })], placements: [aPlacement()], otherDeclarations: [], eligibilityValidations: [], today });
    expect(result.ok ? [] : result.violations).toEqual([expect.objectContaining({ code: 'unknown_placement', path: 'declarations.1.placementId' })]);
  });
});
