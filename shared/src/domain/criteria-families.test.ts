import { describe, expect, it } from 'vitest';
import { CRITERION_FAMILIES, criterionListNote, groupByCriterionFamily } from './criteria-families.js';
import { CRITERION_CODES, ELIGIBILITY_CRITERIA, criterionByCode } from './eligibility-criteria.js';

describe('critères d’éligibilité regroupés par famille', () => {
  it('chaque critère du catalogue est dans une famille, une seule', () => {
    const codes = CRITERION_FAMILIES.flatMap((family) => family.codes);
    expect([...codes].sort()).toEqual([...CRITERION_CODES].sort());
  });

  it('les trois critères de chômage de longue durée sont ensemble et se distinguent par leur liste', () => {
    const [emploi] = groupByCriterionFamily(ELIGIBILITY_CRITERIA, (c) => c.code);
    expect(emploi!.family.label).toBe('Recherche d’emploi');
    expect(emploi!.items.map((c) => [c.label, criterionListNote(c)])).toEqual([
      ['Demandeur d’emploi de longue durée (12 à 24 mois)', 'critère IAE de niveau 2'],
      ['Demandeur d’emploi de longue durée (plus de 12 mois)', 'critère des clauses'],
      ['Demandeur d’emploi de très longue durée (+ 24 mois)', 'critère IAE de niveau 1'],
    ]);
  });

  it('dans une famille, les critères sont triés par libellé ; les familles vides sont omises', () => {
    const groups = groupByCriterionFamily(['SENIOR', 'QPV', 'JEUNE', 'RSA'] as const, (code) => code);
    expect(groups.map((g) => [g.family.key, g.items.map((code) => criterionByCode(code).label)])).toEqual([
      ['minima', ['Bénéficiaire du RSA']],
      ['age', ['Jeune (moins de 26 ans)', 'Senior (50 ans et plus)']],
      ['residence', ['Résident d’un quartier prioritaire de la politique de la ville (QPV)']],
    ]);
  });
});
