/** Enumerations of the domain with their French labels (decisions.md §2, §6, §8, §9, §10). */

export const CLAUSE_TYPES = ['execution', 'award_criterion', 'reserved', 'insertion_object', 'anru'] as const;
export type ClauseType = (typeof CLAUSE_TYPES)[number];
export const CLAUSE_TYPE_LABELS: Readonly<Record<ClauseType, string>> = {
  execution: 'Clause d’exécution (L2112-2)',
  award_criterion: 'Critère d’attribution (L2152-7)',
  reserved: 'Marché réservé (L2113-12 / L2113-13)',
  insertion_object: 'Marché d’insertion (R2123-1)',
  anru: 'Charte ANRU',
};
/** Clause types whose obligation is a number of hours (the others track spend or outcomes). */
export const CLAUSE_TYPES_WITH_HOURS: readonly ClauseType[] = ['execution', 'award_criterion', 'anru'];

export const MODALITIES = [
  'direct_hire',
  'etti',
  'ai',
  'geiq',
  'ett',
  'siae_subcontract',
  'ea_esat_subcontract',
  'training',
] as const;
export type Modality = (typeof MODALITIES)[number];
export const MODALITY_LABELS: Readonly<Record<Modality, string>> = {
  direct_hire: 'Embauche directe',
  etti: 'Mise à disposition par une ETTI',
  ai: 'Mise à disposition par une association intermédiaire',
  geiq: 'Mise à disposition par un GEIQ',
  ett: 'Intérim classique',
  siae_subcontract: 'Sous-traitance ou cotraitance avec une SIAE (EI, ACI)',
  ea_esat_subcontract: 'Sous-traitance avec une EA ou un ESAT',
  training: 'Formation',
};
/** Staff provision (mise à disposition), counted on mission statements: rule C6. */
export const STAFF_PROVISION_MODALITIES: readonly Modality[] = ['etti', 'ai', 'geiq', 'ett'];
/** Subcontracting to an inclusive structure: rule C7. */
export const SUBCONTRACT_MODALITIES: readonly Modality[] = ['siae_subcontract', 'ea_esat_subcontract'];

export const CONTRACT_TYPES = [
  'cdi',
  'cdd',
  'cdd_site',
  'temporary_work',
  'cddi',
  'cdi_inclusion',
  'apprenticeship',
  'professionalisation',
  'ai_mission',
  'training_agreement',
  'other',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_TYPE_LABELS: Readonly<Record<ContractType, string>> = {
  cdi: 'CDI',
  cdd: 'CDD',
  cdd_site: 'CDD de chantier ou d’opération',
  temporary_work: 'Contrat de mission (intérim)',
  cddi: 'CDDI',
  cdi_inclusion: 'CDI inclusion',
  apprenticeship: 'Contrat d’apprentissage',
  professionalisation: 'Contrat de professionnalisation',
  ai_mission: 'Mise à disposition par une AI',
  training_agreement: 'Convention de formation',
  other: 'Autre',
};
/** Work-study contracts whose training-centre hours count under C4. */
export const WORK_STUDY_CONTRACT_TYPES: readonly ContractType[] = ['apprenticeship', 'professionalisation'];

/** Who employs the participant relative to the clause's contract holder (C13 is about subcontractors). */
export const EMPLOYER_ROLES = ['contractor', 'co_contractor', 'subcontractor', 'provider'] as const;
export type EmployerRole = (typeof EMPLOYER_ROLES)[number];
export const EMPLOYER_ROLE_LABELS: Readonly<Record<EmployerRole, string>> = {
  contractor: 'Titulaire',
  co_contractor: 'Cotraitant',
  subcontractor: 'Sous-traitant',
  provider: 'Structure de mise à disposition ou d’insertion',
};

export const SIAE_STRUCTURE_KINDS = ['ei', 'aci', 'ea', 'esat'] as const;
export type SiaeStructureKind = (typeof SIAE_STRUCTURE_KINDS)[number];

export const DECLARATION_STATUSES = ['draft', 'submitted', 'validated', 'rejected', 'corrected'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
export const DECLARATION_STATUS_LABELS: Readonly<Record<DeclarationStatus, string>> = {
  draft: 'Brouillon',
  submitted: 'Déclarée',
  validated: 'Validée',
  rejected: 'Rejetée',
  corrected: 'Corrigée',
};

/** Statuses in their order of precedence: the first that applies wins (decisions.md §9). */
export const COMPLIANCE_STATUSES = ['waived', 'met', 'not_met', 'not_started', 'at_risk', 'watch', 'on_track'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
export const COMPLIANCE_STATUS_LABELS: Readonly<Record<ComplianceStatus, string>> = {
  waived: 'Exonéré',
  met: 'Conforme',
  not_met: 'Non conforme',
  not_started: 'Non démarré',
  at_risk: 'À risque',
  watch: 'À surveiller',
  on_track: 'Dans les temps',
};

export const REQUIRED_HOURS_METHODS = ['labour_share', 'hours_percentage', 'fixed', 'cleaning_pact', 'per_order'] as const;
export type RequiredHoursMethodCode = (typeof REQUIRED_HOURS_METHODS)[number];
export const REQUIRED_HOURS_METHOD_LABELS: Readonly<Record<RequiredHoursMethodCode, string>> = {
  labour_share: 'Part de main-d’œuvre (montant × part MO × taux d’insertion ÷ coût horaire)',
  hours_percentage: 'Pourcentage des heures travaillées',
  fixed: 'Volume d’heures fixé au CCAP',
  cleaning_pact: 'Calculateur PACT Propreté',
  per_order: 'Ratio appliqué aux bons de commande (accord-cadre)',
};

export const HOURS_POLICIES = ['unchanged', 'prorata', 'explicit'] as const;
export type HoursPolicy = (typeof HOURS_POLICIES)[number];
export const HOURS_POLICY_LABELS: Readonly<Record<HoursPolicy, string>> = {
  unchanged: 'Heures inchangées',
  prorata: 'Heures au prorata du nouveau montant',
  explicit: 'Nouvelle valeur fixée par l’avenant',
};

export const CDI_POLICIES = ['strict', 'company_hours_n_months', 'flat_bonus_hours'] as const;
export type CdiPolicy = (typeof CDI_POLICIES)[number];

export const PENALTY_MODELS = ['per_hour', 'smic_indexed', 'effort', 'late_report'] as const;
export type PenaltyModelCode = (typeof PENALTY_MODELS)[number];
export const PENALTY_MODEL_LABELS: Readonly<Record<PenaltyModelCode, string>> = {
  per_hour: 'Montant fixe par heure manquante',
  smic_indexed: 'Heures manquantes indexées sur le SMIC horaire',
  effort: 'Effort d’insertion non réalisé (heures manquantes × coût horaire)',
  late_report: 'Retard de transmission après mise en demeure (par jour)',
};
