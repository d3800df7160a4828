/**
 * zod schemas of every domain input, with French messages. Business problems (negative amounts,
 * rates outside [0, 1], inverted dates…) carry a stable code in `params.code`, turned into a named
 * violation by `validateWith()` (result.ts).
 */
import { z } from 'zod';
import { isValidIsoDate, isValidYearMonth } from './calendar.js';
import { CRITERION_CODES } from './eligibility-criteria.js';
import { DEFAULT_CLOSING_DAYS, DEFAULT_GOOD_FAITH_RULES } from './parameters.js';
import {
  CDI_POLICIES,
  CLAUSE_TYPES,
  CONTRACT_TYPES,
  DECLARATION_STATUSES,
  EMPLOYER_ROLES,
  HOURS_POLICIES,
  MODALITIES,
  SIAE_STRUCTURE_KINDS,
} from './vocabulary.js';

// ---------------------------------------------------------------- building blocks

const required =
  (label: string, expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? `${label} : champ obligatoire.` : `${label} : ${expected} attendu.`;

/** Business code of a refinement, turned into a named violation by `validateWith()`. */
export const code = (value: string): { params: { code: string } } => ({ params: { code: value } });

export function idField(label = 'Identifiant') {
  return z.string({ error: required(label, 'texte') }).min(1, { error: `${label} : ne peut pas être vide.`, ...code('empty_id') });
}

export function isoDateField(label: string) {
  return z
    .string({ error: required(label, 'date AAAA-MM-JJ') })
    .refine(isValidIsoDate, { error: `${label} : date invalide (format AAAA-MM-JJ attendu).`, ...code('invalid_date') });
}

export function yearMonthField(label: string) {
  return z
    .string({ error: required(label, 'mois AAAA-MM') })
    .refine(isValidYearMonth, { error: `${label} : mois invalide (format AAAA-MM attendu).`, ...code('invalid_month') });
}

function integerField(label: string, unit: string) {
  return z
    .number({ error: required(label, `nombre entier (${unit})`) })
    .refine(Number.isSafeInteger, { error: `${label} : un nombre entier de ${unit} est attendu.`, ...code('not_integer') });
}

/** Money, integer cents HT, ≥ 0. */
export function centsField(label: string) {
  return integerField(label, 'centimes').refine((value) => value >= 0, {
    error: `${label} : le montant ne peut pas être négatif.`,
    ...code('negative_amount'),
  });
}

/** Money, integer cents HT, > 0 (used as a divisor). */
export function positiveCentsField(label: string) {
  return integerField(label, 'centimes').refine((value) => value > 0, {
    error: `${label} : le montant doit être strictement positif.`,
    ...code('non_positive_amount'),
  });
}

/** Money that may go both ways (amendment delta). */
export function signedCentsField(label: string) {
  return integerField(label, 'centimes');
}

/** Duration, integer minutes, ≥ 0. */
export function minutesField(label: string) {
  return integerField(label, 'minutes').refine((value) => value >= 0, {
    error: `${label} : la durée ne peut pas être négative.`,
    ...code('negative_duration'),
  });
}

/** A non-negative integer count (days, months). */
export function countField(label: string) {
  return integerField(label, 'unités').refine((value) => value >= 0, {
    error: `${label} : la valeur ne peut pas être négative.`,
    ...code('negative_number'),
  });
}

/** Rate in [0, 1] (stored with 4 decimals). */
export function rateField(label: string) {
  return z.number({ error: required(label, 'taux entre 0 et 1') }).refine((value) => value >= 0 && value <= 1, {
    error: `${label} : le taux doit être compris entre 0 et 1 (0 % à 100 %).`,
    ...code('rate_out_of_range'),
  });
}

/** A positive multiplier (SMIC coefficient k). */
export function coefficientField(label: string) {
  return z.number({ error: required(label, 'nombre') }).refine((value) => value > 0 && value <= 100, {
    error: `${label} : le coefficient doit être strictement positif (et au plus 100).`,
    ...code('coefficient_out_of_range'),
  });
}

/** A pace threshold (counted ÷ expected), ≥ 0. */
export function paceField(label: string) {
  return z.number({ error: required(label, 'nombre') }).refine((value) => value >= 0, {
    error: `${label} : la valeur ne peut pas être négative.`,
    ...code('negative_number'),
  });
}

export function booleanField(label: string) {
  return z.boolean({ error: required(label, 'vrai ou faux') });
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `${label} : valeur inconnue (attendu : ${values.join(', ')}).` });
}

export function listField<T extends z.ZodType>(item: T, label: string) {
  return z.array(item, { error: required(label, 'liste') });
}

/** Adds an `inverted_dates` violation when `end` is before `start` (both optional). */
function checkDateOrder(
  value: Record<string, unknown>,
  ctx: z.core.$RefinementCtx,
  startKey: string,
  endKey: string,
  message: string,
): void {
  const start = value[startKey];
  const end = value[endKey];
  if (typeof start === 'string' && typeof end === 'string' && isValidIsoDate(start) && isValidIsoDate(end) && end < start) {
    ctx.addIssue({ code: 'custom', path: [endKey], message, params: { code: 'inverted_dates' } });
  }
}

// ---------------------------------------------------------------- clause rules (C1–C13, deadlines, statuses, penalties)

export const penaltyModelSchema = z.discriminatedUnion(
  'model',
  [
    z.object({ model: z.literal('per_hour'), rateCents: centsField('Pénalité par heure manquante') }),
    z.object({ model: z.literal('smic_indexed'), coefficient: coefficientField('Coefficient appliqué au SMIC') }),
    z.object({ model: z.literal('effort'), hourlyCostCents: positiveCentsField('Coût horaire de l’effort d’insertion') }),
    z.object({
      model: z.literal('late_report'),
      ratePerDayCents: centsField('Pénalité par jour de retard'),
      noticeDays: countField('Délai laissé par la mise en demeure (jours)'),
    }),
  ],
  { error: 'Modèle de pénalité inconnu (attendu : per_hour, smic_indexed, effort, late_report).' },
);
export type PenaltyModel = z.infer<typeof penaltyModelSchema>;

export const penaltyRulesSchema = z.object({
  models: listField(penaltyModelSchema, 'Modèles de pénalité'),
  capRate: rateField('Plafond des pénalités (part du montant du marché)').nullable(),
});
export type PenaltyRules = z.infer<typeof penaltyRulesSchema>;

export const countingRulesSchema = z.object({
  c1: z.object({ enabled: booleanField('C1 (heures du lot uniquement)') }),
  c2: z.object({
    enabled: booleanField('C2 (éligibilité validée avant la première heure)'),
    graceDays: countField('C2 : jours de tolérance avant validation'),
    newHiresOnly: booleanField('C2 : nouveaux recrutements uniquement'),
  }),
  c3: z.object({ countLeave: booleanField('C3 : compter congés et arrêts') }),
  c4: z.object({ enabled: booleanField('C4 (heures de formation en alternance)') }),
  c5: z
    .object({
      policy: enumField(CDI_POLICIES, 'C5 : politique CDI'),
      months: countField('C5 : nombre de mois de valorisation'),
      bonusMinutes: minutesField('C5 : bonus forfaitaire par CDI'),
    })
    .superRefine((value, ctx) => {
      if (value.policy === 'company_hours_n_months' && value.months === 0) {
        ctx.addIssue({ code: 'custom', path: ['months'], message: 'C5 : indiquer le nombre de mois de valorisation du CDI.', params: { code: 'missing_parameter' } });
      }
    }),
  c6: z.object({ enabled: booleanField('C6 (mise à disposition)') }),
  c7: z.object({
    enabled: booleanField('C7 (sous-traitance SIAE, EA, ESAT)'),
    defaultLabourShare: rateField('C7 : part de main-d’œuvre par défaut de la structure'),
    defaultHourlyCostCents: positiveCentsField('C7 : coût horaire par défaut de la structure'),
  }),
  c8: z.object({
    enabled: booleanField('C8 (heures de formation)'),
    maxShareOfRequired: rateField('C8 : plafond en part des heures requises').nullable(),
    maxMinutesPerParticipant: minutesField('C8 : plafond par personne').nullable(),
  }),
  c9: z.object({
    windowMonths: countField('C9 : fenêtre par personne (mois)').nullable(),
    maxMinutesPerParticipant: minutesField('C9 : plafond d’heures par personne').nullable(),
  }),
  c10: z.object({ enabled: booleanField('C10 (mutualisation)') }),
  c12: z.object({ monthlyCap: enumField(['contract_hours', 'legal_maximum'] as const, 'C12 : maximum plausible') }),
  c13: z.object({ enabled: booleanField('C13 (heures des sous-traitants)') }),
});
export type CountingRules = z.infer<typeof countingRulesSchema>;

export const eligibilityRulesSchema = z.object({
  validityMonths: countField('Durée de validité de l’éligibilité (mois)').refine((value) => value > 0, {
    error: 'Durée de validité de l’éligibilité : au moins 1 mois.',
    ...code('non_positive_number'),
  }),
  requireProofs: booleanField('Justificatifs d’éligibilité exigés'),
  requiredCriteria: listField(enumField(CRITERION_CODES, 'Critère exigé'), 'Critères exigés'),
});
export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;

export const declarationRulesSchema = z.object({
  deadlineDay: countField('Jour limite de déclaration').refine((value) => value >= 1 && value <= 31, {
    error: 'Jour limite de déclaration : entre 1 et 31.',
    ...code('day_out_of_range'),
  }),
  requireProof: booleanField('Justificatif exigé pour chaque déclaration'),
  maxWeeklyMinutes: minutesField('Durée hebdomadaire maximale'),
  /** Days after the deadline when the month closes: a change then needs a reopening (closed-periods.ts). */
  closingDays: countField('Délai de clôture d’un mois après son échéance (jours)').default(DEFAULT_CLOSING_DAYS),
});
export type DeclarationRules = z.infer<typeof declarationRulesSchema>;

export const statusThresholdsSchema = z.object({
  endGraceDays: countField('Délai après la fin avant « non conforme » (jours)'),
  notStartedElapsed: rateField('Seuil « non démarré » (part écoulée)'),
  atRiskElapsed: rateField('Seuil « à risque » (part écoulée)'),
  atRiskPace: paceField('Rythme « à risque »'),
  watchPace: paceField('Rythme « à surveiller »'),
  atRiskMissingPeriods: countField('Périodes manquantes avant « à risque »'),
  paceBasis: enumField(['time', 'invoiced'] as const, 'Base du rythme'),
});
export type StatusThresholds = z.infer<typeof statusThresholdsSchema>;

/** Good-faith efforts (decisions.md §15, good-faith.ts); defaults filled in for rules stored before them. */
export const goodFaithRulesSchema = z.object({
  answerDelayDays: countField('Délai de proposition d’un candidat (jours)'),
  deductFromShortfall: booleanField('Efforts de bonne foi déduits du manque'),
});
export type GoodFaithRules = z.infer<typeof goodFaithRulesSchema>;

export const clauseRulesSchema = z.object({
  counting: countingRulesSchema,
  eligibility: eligibilityRulesSchema,
  declarations: declarationRulesSchema,
  status: statusThresholdsSchema,
  penalties: penaltyRulesSchema,
  goodFaith: goodFaithRulesSchema.default({ ...DEFAULT_GOOD_FAITH_RULES }),
});
export type ClauseRules = z.infer<typeof clauseRulesSchema>;

// ---------------------------------------------------------------- clause, placements, declarations

/** What the counting, checks and compliance need of a clause (one lot, one contract holder). */
export const insertionClauseSchema = z
  .object({
    id: idField('Identifiant de la clause'),
    lotId: idField('Identifiant du lot'),
    contractorId: idField('Identifiant du titulaire'),
    startDate: isoDateField('Date de début'),
    endDate: isoDateField('Date de fin'),
    requiredMinutes: minutesField('Heures requises'),
    amountCents: centsField('Montant HT du lot'),
    waived: booleanField('Exonération décidée').nullish(),
    rules: clauseRulesSchema,
  })
  .superRefine((value, ctx) => checkDateOrder(value, ctx, 'startDate', 'endDate', 'La date de fin de la clause précède sa date de début.'));
export type InsertionClause = z.infer<typeof insertionClauseSchema>;

export const placementSchema = z
  .object({
    id: idField('Identifiant de la mise en poste'),
    participantId: idField('Identifiant du participant'),
    clauseId: idField('Identifiant de la clause'),
    /** Lot where the person actually works (C1 compares it with the clause's lot). */
    lotId: idField('Identifiant du lot'),
    modality: enumField(MODALITIES, 'Modalité'),
    contractType: enumField(CONTRACT_TYPES, 'Type de contrat').nullish(),
    employerId: idField('Identifiant de l’employeur').nullish(),
    employerRole: enumField(EMPLOYER_ROLES, 'Rôle de l’employeur').nullish(),
    startDate: isoDateField('Date de début de la mise en poste'),
    endDate: isoDateField('Date de fin de la mise en poste').nullish(),
    /** Contract weekly working time, in minutes (35 h = 2100). */
    weeklyMinutes: minutesField('Durée hebdomadaire du contrat').nullish(),
    /** Already employed by the contract holder before the clause: never counted (new hires only, C2). */
    preexistingEmployee: booleanField('Salarié déjà présent avant la clause').nullish(),
  })
  .superRefine((value, ctx) =>
    checkDateOrder(value, ctx, 'startDate', 'endDate', 'La date de fin de la mise en poste précède sa date de début.'),
  );
export type Placement = z.infer<typeof placementSchema>;

export const hourDeclarationSchema = z.object({
  id: idField('Identifiant de la déclaration'),
  placementId: idField('Identifiant de la mise en poste'),
  month: yearMonthField('Période déclarée'),
  /** Hours worked on the lot, overtime included 1 h = 1 h (C3). */
  workedMinutes: minutesField('Heures travaillées'),
  trainingMinutes: minutesField('Heures de formation').nullish(),
  /** Paid leave and sick leave of the month, not counted by default (C3). */
  leaveMinutes: minutesField('Heures de congés ou d’arrêt').nullish(),
  /** Hours worked in the whole company (every site), used by the CDI policy `company_hours_n_months` (C5). */
  companyMinutes: minutesField('Heures travaillées dans l’entreprise').nullish(),
  /** SIAE/EA subcontracting (C7): hours attested and amount invoiced in the month (counted through the subcontract). */
  attestedMinutes: minutesField('Heures attestées').nullish(),
  invoiceCents: z.number().int().min(0).nullish(),
  status: enumField(DECLARATION_STATUSES, 'Statut de la déclaration'),
  /** Date of (last) submission: the order in which declarations are served by C12. */
  submittedAt: isoDateField('Date de transmission').nullish(),
  proofDocumentIds: listField(idField('Justificatif'), 'Justificatifs').nullish(),
});
export type HourDeclaration = z.infer<typeof hourDeclarationSchema>;

export const eligibilityCriterionProofSchema = z.object({
  code: enumField(CRITERION_CODES, 'Critère d’éligibilité'),
  proofDate: isoDateField('Date du justificatif').nullish(),
  /** End of validity of the document itself (RQTH decision, residence permit). */
  proofValidUntil: isoDateField('Fin de validité du justificatif').nullish(),
  proofDocumentId: idField('Justificatif').nullish(),
});
export type EligibilityCriterionProof = z.infer<typeof eligibilityCriterionProofSchema>;

export const eligibilityValidationSchema = z
  .object({
    id: idField('Identifiant de la validation'),
    participantId: idField('Identifiant du participant'),
    validatedAt: isoDateField('Date de validation'),
    validatedBy: idField('Auteur de la validation'),
    /** Explicit end of validity; by default validation + `validityMonths` (24). */
    validUntil: isoDateField('Fin de validité').nullish(),
    criteria: listField(eligibilityCriterionProofSchema, 'Critères').min(1, {
      error: 'Au moins un critère d’éligibilité est nécessaire.',
      ...code('no_criterion'),
    }),
    exceptionReason: z.string({ error: required('Motif de dérogation', 'texte') }).nullish(),
    revokedAt: isoDateField('Date de retrait').nullish(),
  })
  .superRefine((value, ctx) => checkDateOrder(value, ctx, 'validatedAt', 'validUntil', 'La fin de validité précède la date de validation.'));
export type EligibilityValidation = z.infer<typeof eligibilityValidationSchema>;

export const siaeInvoiceSchema = z.object({
  id: idField('Identifiant de la facture'),
  date: isoDateField('Date de la facture'),
  amountCents: centsField('Montant HT de la facture'),
});
export type SiaeInvoice = z.infer<typeof siaeInvoiceSchema>;

export const siaeAttestationSchema = z.object({
  id: idField('Identifiant de l’attestation'),
  month: yearMonthField('Mois attesté'),
  minutes: minutesField('Heures d’insertion attestées'),
});
export type SiaeAttestation = z.infer<typeof siaeAttestationSchema>;

export const siaeSubcontractSchema = z.object({
  id: idField('Identifiant de la sous-traitance'),
  clauseId: idField('Identifiant de la clause'),
  structureId: idField('Identifiant de la structure'),
  structureKind: enumField(SIAE_STRUCTURE_KINDS, 'Type de structure'),
  labourShare: rateField('Part de main-d’œuvre de la structure').nullish(),
  hourlyCostCents: positiveCentsField('Coût horaire de la structure').nullish(),
  invoices: listField(siaeInvoiceSchema, 'Factures'),
  attestations: listField(siaeAttestationSchema, 'Attestations'),
});
export type SiaeSubcontract = z.infer<typeof siaeSubcontractSchema>;

export const poolingAllocationSchema = z.object({
  declarationId: idField('Déclaration affectée'),
  clauseId: idField('Clause bénéficiaire'),
  minutes: minutesField('Heures affectées'),
});
export type PoolingAllocation = z.infer<typeof poolingAllocationSchema>;

export const poolingAgreementSchema = z
  .object({
    id: idField('Identifiant de la convention'),
    contractorId: idField('Identifiant de l’entreprise'),
    clauseIds: listField(idField('Clause'), 'Clauses mutualisées').min(2, {
      error: 'Une convention de mutualisation couvre au moins deux clauses.',
      ...code('pooling_needs_two_clauses'),
    }),
    startDate: isoDateField('Début de la convention'),
    endDate: isoDateField('Fin de la convention'),
    allocations: listField(poolingAllocationSchema, 'Affectations'),
  })
  .superRefine((value, ctx) => checkDateOrder(value, ctx, 'startDate', 'endDate', 'La fin de la convention précède son début.'));
export type PoolingAgreement = z.infer<typeof poolingAgreementSchema>;

// ---------------------------------------------------------------- required hours and amendments

const labourShareParams = {
  amountCents: centsField('Montant HT'),
  labourShare: rateField('Part de main-d’œuvre'),
  insertionRate: rateField('Taux d’insertion'),
  hourlyCostCents: positiveCentsField('Coût horaire moyen'),
};

export const purchaseOrderSchema = z.object({
  id: idField('Identifiant du bon de commande'),
  date: isoDateField('Date du bon de commande'),
  amountCents: centsField('Montant HT du bon de commande'),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const requiredHoursMethodSchema = z.discriminatedUnion(
  'method',
  [
    z.object({ method: z.literal('labour_share'), ...labourShareParams }),
    z
      .object({
        method: z.literal('hours_percentage'),
        insertionRate: rateField('Taux d’insertion'),
        /** Hours worked on the contract when known (staffing plan); else estimated from the amount. */
        labourMinutes: minutesField('Heures travaillées sur le marché').nullish(),
        amountCents: centsField('Montant HT').nullish(),
        labourShare: rateField('Part de main-d’œuvre').nullish(),
        hourlyCostCents: positiveCentsField('Coût horaire moyen').nullish(),
      })
      .superRefine((value, ctx) => {
        const canEstimate = value.amountCents != null && value.labourShare != null && value.hourlyCostCents != null;
        if (value.labourMinutes == null && !canEstimate) {
          ctx.addIssue({
            code: 'custom',
            path: ['labourMinutes'],
            message: 'Indiquer les heures travaillées, ou le montant, la part de main-d’œuvre et le coût horaire pour les estimer.',
            params: { code: 'missing_parameter' },
          });
        }
      }),
    z.object({ method: z.literal('fixed'), minutes: minutesField('Heures fixées au CCAP') }),
    z.object({
      method: z.literal('cleaning_pact'),
      turnoverCents: centsField('Chiffre d’affaires estimé du lot (A)'),
      durationMonths: countField('Durée du marché en mois (N)').refine((value) => value > 0, {
        error: 'Durée du marché en mois (N) : au moins 1 mois.',
        ...code('non_positive_number'),
      }),
      insertionRate: rateField('Taux d’insertion (T)'),
      transferredMonthlyMinutes: minutesField('Heures mensuelles du personnel transférable (S)'),
      coefficientCents: positiveCentsField('Coefficient de la branche (C)').nullish(),
      minimumHours: countField('Seuil minimal conseillé (heures)').nullish(),
    }),
    z.object({
      method: z.literal('per_order'),
      orders: listField(purchaseOrderSchema, 'Bons de commande'),
      labourShare: rateField('Part de main-d’œuvre'),
      insertionRate: rateField('Taux d’insertion'),
      hourlyCostCents: positiveCentsField('Coût horaire moyen'),
      /** Orders dated after this day are not counted yet (today, passed in). */
      asOf: isoDateField('Date d’évaluation'),
    }),
  ],
  { error: 'Méthode de calcul inconnue (attendu : labour_share, hours_percentage, fixed, cleaning_pact, per_order).' },
);
export type RequiredHoursMethod = z.infer<typeof requiredHoursMethodSchema>;

export const amendmentSchema = z
  .object({
    id: idField('Identifiant de l’avenant'),
    effectiveDate: isoDateField('Date d’effet de l’avenant'),
    deltaAmountCents: signedCentsField('Variation du montant HT'),
    hoursPolicy: enumField(HOURS_POLICIES, 'Effet sur les heures'),
    explicitRequiredMinutes: minutesField('Nouvelles heures requises').nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.hoursPolicy === 'explicit' && value.explicitRequiredMinutes == null) {
      ctx.addIssue({
        code: 'custom',
        path: ['explicitRequiredMinutes'],
        message: 'Un avenant « valeur explicite » doit indiquer les nouvelles heures requises.',
        params: { code: 'missing_parameter' },
      });
    }
  });
export type Amendment = z.infer<typeof amendmentSchema>;

// ---------------------------------------------------------------- everything a clause stores

/** The parameters of a lot's clause as stored: its type, how its hours are sized, and its rules. */
export const clauseParametersSchema = z.object({
  type: enumField(CLAUSE_TYPES, 'Type de clause'),
  requiredHours: requiredHoursMethodSchema,
  rules: clauseRulesSchema,
});
export type ClauseParameters = z.infer<typeof clauseParametersSchema>;
