/**
 * The eligibility criteria grouped by family and sorted, for the forms and the person's record: 24
 * checkboxes in one list were hard to read, and the three long-term unemployment criteria (IAE 12 to
 * 24 months, IAE more than 24 months, clause list more than 12 months) looked like duplicates.
 */
import { ELIGIBILITY_CRITERIA, type CriterionCode, type EligibilityCriterion } from './eligibility-criteria.js';

export interface CriterionFamily {
  readonly key: string;
  readonly label: string;
  readonly codes: readonly CriterionCode[];
}

/** Every criterion of the catalogue belongs to exactly one family (tested). */
export const CRITERION_FAMILIES: readonly CriterionFamily[] = [
  { key: 'emploi', label: 'Recherche d’emploi', codes: ['DELD', 'DELD_12', 'DETLD'] },
  { key: 'minima', label: 'Minima sociaux', codes: ['RSA', 'ASS', 'AAH'] },
  { key: 'age', label: 'Âge', codes: ['JEUNE', 'JEUNE_DESCOLARISE', 'SENIOR'] },
  { key: 'handicap', label: 'Handicap', codes: ['TH', 'SALARIE_EA_ESAT'] },
  { key: 'parcours', label: 'Déjà en parcours d’insertion', codes: ['SALARIE_SIAE', 'SALARIE_GEIQ'] },
  { key: 'residence', label: 'Lieu de résidence', codes: ['QPV', 'ZRR'] },
  { key: 'situation', label: 'Situation personnelle', codes: ['ASE', 'PI', 'PSH_PR', 'REF_DA', 'DETENTION_MJ', 'FLE', 'PM', 'CAP_BEP'] },
  { key: 'derogation', label: 'Dérogation', codes: ['DEROGATION'] },
];

/** Which list a criterion comes from, said plainly (the three unemployment criteria differ by it). */
export function criterionListNote(criterion: Pick<EligibilityCriterion, 'lists'> & { readonly iaeLevel: number | null }): string {
  const iae = criterion.lists.includes('iae');
  const clause = criterion.lists.includes('clause');
  if (iae && clause) return 'critère IAE et des clauses';
  if (iae) return `critère IAE de niveau ${criterion.iaeLevel}`;
  return 'critère des clauses';
}

export interface CriterionGroup<T> {
  readonly family: CriterionFamily;
  readonly items: readonly T[];
}

/**
 * Groups items that carry a criterion code by family, in the families' order, each sorted by the
 * criterion's French label; empty families are left out.
 */
export function groupByCriterionFamily<T>(items: readonly T[], codeOf: (item: T) => CriterionCode): CriterionGroup<T>[] {
  const label = (item: T) => ELIGIBILITY_CRITERIA.find((criterion) => criterion.code === codeOf(item))?.label ?? codeOf(item);
  return CRITERION_FAMILIES.map((family) => ({
    family,
    items: items.filter((item) => family.codes.includes(codeOf(item))).sort((a, b) => label(a).localeCompare(label(b), 'fr')),
  })).filter((group) => group.items.length > 0);
}
