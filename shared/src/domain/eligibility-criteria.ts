/**
 * Catalogue of eligibility criteria (decisions.md §5, reference.md §4): the 18 IAE administrative
 * criteria (les emplois de l'inclusion, `shared/data/insertion/iae_administrative_criteria.json`)
 * plus the criteria of the usual clause list.
 */

/** How the proof of a criterion is judged at validation time. */
export type ProofRule =
  /** The proof must be dated less than `proofFreshnessMonths` months before the validation. */
  | 'issued_within'
  /** The document (RQTH decision, residence permit) must still be valid on the validation date. */
  | 'valid_at_validation'
  /** An identity document: present, no freshness. */
  | 'identity'
  /** No document: the facilitator writes a motivated reason (dérogation). */
  | 'reason';

/** Which list a criterion comes from: IAE administrative criteria, usual clause list, or both. */
export type CriterionList = 'iae' | 'clause';

export const CRITERION_CODES = [
  // IAE administrative criteria, level 1
  'RSA',
  'ASS',
  'AAH',
  'DETLD',
  // IAE administrative criteria, level 2
  'CAP_BEP',
  'SENIOR',
  'JEUNE',
  'ASE',
  'DELD',
  'TH',
  'PI',
  'PSH_PR',
  'REF_DA',
  'ZRR',
  'QPV',
  'DETENTION_MJ',
  'FLE',
  'PM',
  // Clause list only
  'DELD_12',
  'JEUNE_DESCOLARISE',
  'SALARIE_SIAE',
  'SALARIE_EA_ESAT',
  'SALARIE_GEIQ',
  'DEROGATION',
] as const;

export type CriterionCode = (typeof CRITERION_CODES)[number];

export interface EligibilityCriterion {
  readonly code: CriterionCode;
  readonly label: string;
  readonly lists: readonly CriterionList[];
  /** IAE level (1: a single criterion suffices; 2: several needed), null outside the IAE list. */
  readonly iaeLevel: 1 | 2 | null;
  readonly proofType: string;
  readonly proofRule: ProofRule;
  /** Freshness of the proof in months when `proofRule` is `issued_within`, else null. */
  readonly proofFreshnessMonths: number | null;
  /** True when the criterion is health (art. 9) or criminal (art. 10) data: stricter access and audit. */
  readonly sensitive: boolean;
}

const both: readonly CriterionList[] = ['iae', 'clause'];
const iae: readonly CriterionList[] = ['iae'];
const clause: readonly CriterionList[] = ['clause'];

export const ELIGIBILITY_CRITERIA: readonly EligibilityCriterion[] = [
  { code: 'RSA', label: 'Bénéficiaire du RSA', lists: both, iaeLevel: 1, proofType: 'Attestation RSA', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'ASS', label: 'Allocataire ASS', lists: both, iaeLevel: 1, proofType: 'Attestation ASS', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'AAH', label: 'Allocataire AAH', lists: both, iaeLevel: 1, proofType: 'Attestation AAH', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: true },
  { code: 'DETLD', label: 'Demandeur d’emploi de très longue durée (+ 24 mois)', lists: iae, iaeLevel: 1, proofType: 'Attestation France Travail', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'CAP_BEP', label: 'Niveau d’étude 3 (CAP, BEP) ou infra', lists: iae, iaeLevel: 2, proofType: 'Diplôme et/ou attestation sur l’honneur', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'SENIOR', label: 'Senior (50 ans et plus)', lists: both, iaeLevel: 2, proofType: 'Pièce d’identité', proofRule: 'identity', proofFreshnessMonths: null, sensitive: false },
  { code: 'JEUNE', label: 'Jeune (moins de 26 ans)', lists: iae, iaeLevel: 2, proofType: 'Pièce d’identité', proofRule: 'identity', proofFreshnessMonths: null, sensitive: false },
  { code: 'ASE', label: 'Sortant de l’aide sociale à l’enfance', lists: iae, iaeLevel: 2, proofType: 'Attestation ASE', proofRule: 'issued_within', proofFreshnessMonths: 12, sensitive: false },
  { code: 'DELD', label: 'Demandeur d’emploi de longue durée (12 à 24 mois)', lists: iae, iaeLevel: 2, proofType: 'Attestation France Travail', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'TH', label: 'Travailleur handicapé (RQTH, BOETH)', lists: both, iaeLevel: 2, proofType: 'Attestation de reconnaissance de la qualité de travailleur handicapé', proofRule: 'valid_at_validation', proofFreshnessMonths: null, sensitive: true },
  { code: 'PI', label: 'Parent isolé', lists: iae, iaeLevel: 2, proofType: 'Attestation CAF', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'PSH_PR', label: 'Personne sans hébergement, hébergée ou ayant un parcours de rue', lists: iae, iaeLevel: 2, proofType: 'Certificat de domiciliation ou déclaration d’un travailleur social', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'REF_DA', label: 'Réfugié, protégé subsidiaire, protection temporaire ou demandeur d’asile', lists: both, iaeLevel: 2, proofType: 'Titre de séjour, autorisation provisoire de séjour ou de travail', proofRule: 'valid_at_validation', proofFreshnessMonths: null, sensitive: false },
  { code: 'ZRR', label: 'Résident ZRR / ZFRR', lists: iae, iaeLevel: 2, proofType: 'Justificatif de domicile', proofRule: 'issued_within', proofFreshnessMonths: 6, sensitive: false },
  { code: 'QPV', label: 'Résident d’un quartier prioritaire de la politique de la ville (QPV)', lists: both, iaeLevel: 2, proofType: 'Justificatif de domicile', proofRule: 'issued_within', proofFreshnessMonths: 6, sensitive: false },
  { code: 'DETENTION_MJ', label: 'Sortant de détention ou personne placée sous main de justice', lists: both, iaeLevel: 2, proofType: 'Billet de sortie ou attestation du juge d’application des peines', proofRule: 'issued_within', proofFreshnessMonths: 6, sensitive: true },
  { code: 'FLE', label: 'Maîtrise de la langue française inférieure au niveau A1', lists: iae, iaeLevel: 2, proofType: 'Évaluation FLE', proofRule: 'issued_within', proofFreshnessMonths: 6, sensitive: false },
  { code: 'PM', label: 'Problème de mobilité', lists: iae, iaeLevel: 2, proofType: 'Diagnostic mobilité délivré par un prescripteur habilité', proofRule: 'issued_within', proofFreshnessMonths: 6, sensitive: false },
  { code: 'DELD_12', label: 'Demandeur d’emploi de longue durée (plus de 12 mois)', lists: clause, iaeLevel: null, proofType: 'Attestation France Travail', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'JEUNE_DESCOLARISE', label: 'Jeune de moins de 26 ans sorti du système scolaire depuis au moins 6 mois', lists: clause, iaeLevel: null, proofType: 'Pièce d’identité et attestation de suivi (Mission locale, France Travail)', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'SALARIE_SIAE', label: 'Salarié d’une structure d’insertion par l’activité économique (EI, ETTI, AI, ACI)', lists: clause, iaeLevel: null, proofType: 'Attestation de la SIAE ou contrat de travail', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'SALARIE_EA_ESAT', label: 'Travailleur d’une entreprise adaptée ou d’un ESAT', lists: clause, iaeLevel: null, proofType: 'Attestation de l’EA ou de l’ESAT', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: true },
  { code: 'SALARIE_GEIQ', label: 'Salarié d’un GEIQ', lists: clause, iaeLevel: null, proofType: 'Contrat de travail GEIQ', proofRule: 'issued_within', proofFreshnessMonths: 3, sensitive: false },
  { code: 'DEROGATION', label: 'Dérogation du facilitateur sur avis motivé', lists: clause, iaeLevel: null, proofType: 'Avis motivé (France Travail, Mission locale, MDPH, PLIE…)', proofRule: 'reason', proofFreshnessMonths: null, sensitive: false },
];

const BY_CODE = new Map<CriterionCode, EligibilityCriterion>(ELIGIBILITY_CRITERIA.map((criterion) => [criterion.code, criterion]));

export function criterionByCode(code: CriterionCode): EligibilityCriterion {
  const criterion = BY_CODE.get(code);
  if (!criterion) throw new RangeError(`Critère inconnu : ${code}`);
  return criterion;
}
