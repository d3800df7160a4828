/**
 * Monthly hour declarations on the wire: what the API answers and what it accepts. Durations are
 * integer minutes, money integer cents, months `YYYY-MM`; the web turns "151:40" into minutes
 * (declarations/cell-values.ts) before calling the API.
 */
import { z } from './locale.js';
import { textError, uuidSchema } from './common.js';
import { isValidYearMonth } from '../domain/calendar.js';
import { DECLARATION_STATUSES, MODALITIES } from '../domain/vocabulary.js';
import { COMMENT_MAX_LENGTH } from '../declarations/import-sheet.js';

export const declarationStatusSchema = z.enum(DECLARATION_STATUSES, { error: 'Statut de déclaration inconnu.' });

/** Statuses waiting for a facilitator's decision. */
export const PENDING_STATUSES = ['submitted', 'corrected'] as const;
/** Statuses the contractor may still edit. */
export const EDITABLE_STATUSES = ['draft', 'submitted', 'rejected', 'corrected'] as const;

export const monthSchema = (label = 'Le mois') =>
  z.string({ error: textError(label) }).refine(isValidYearMonth, `${label} : mois attendu au format AAAA-MM.`);

/** Minutes of a month: never negative, never more than the 744 hours of a 31-day month. */
const MONTH_MAX_MINUTES = 31 * 24 * 60;
export const minutesSchema = (label: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `${label} : champ obligatoire.` : `${label} : un nombre de minutes est attendu.`) })
    .int(`${label} : un nombre entier de minutes est attendu.`)
    .min(0, `${label} : un nombre d’heures ne peut pas être négatif.`)
    .max(MONTH_MAX_MINUTES, `${label} : plus d’heures que n’en compte un mois.`);

const centsSchema = (label: string) =>
  z
    .number({ error: `${label} : un montant en centimes est attendu.` })
    .int(`${label} : un nombre entier de centimes est attendu.`)
    .min(0, `${label} ne peut pas être négatif.`)
    .max(100_000_000_000, `${label} est invraisemblable.`);

export const versionSchema = z
  .number({ error: 'La version de la déclaration est obligatoire (rechargez la page).' })
  .int()
  .min(1, 'Version invalide.');

const commentSchema = z.string({ error: textError('Le commentaire') }).trim().max(COMMENT_MAX_LENGTH, `Le commentaire : ${COMMENT_MAX_LENGTH} caractères au plus.`);

const hoursFields = {
  /** Hours worked on the lot, overtime included (C3). */
  workedMinutes: minutesSchema('Heures travaillées'),
  trainingMinutes: minutesSchema('Heures de formation').nullable().default(null),
  /** SIAE/EA subcontracting (C7): insertion hours attested by the structure. */
  attestedMinutes: minutesSchema('Heures attestées').nullable().default(null),
  /** SIAE/EA subcontracting (C7): amount invoiced HT in the month, converted by the domain. */
  invoiceCents: centsSchema('Le montant facturé').nullable().default(null),
  comment: commentSchema.nullable().default(null),
};

/** A new declaration, saved as a draft or submitted at once. */
export const createDeclarationInputSchema = z.strictObject({
  placementId: uuidSchema,
  month: monthSchema(),
  ...hoursFields,
  submit: z.boolean({ error: 'Indiquez s’il faut transmettre la déclaration.' }).default(false),
});
export type CreateDeclarationInput = z.input<typeof createDeclarationInputSchema>;

/** Changes a draft, a submitted declaration not yet decided, or a rejected one (a correction). */
export const updateDeclarationInputSchema = z.strictObject({
  version: versionSchema,
  ...hoursFields,
  submit: z.boolean({ error: 'Indiquez s’il faut transmettre la déclaration.' }).default(false),
});
export type UpdateDeclarationInput = z.input<typeof updateDeclarationInputSchema>;

export const versionInputSchema = z.strictObject({ version: versionSchema });

export const rejectDeclarationInputSchema = z.strictObject({
  version: versionSchema,
  reason: z
    .string({ error: textError('Le motif du rejet') })
    .trim()
    .min(5, 'Le motif du rejet est obligatoire (5 caractères au moins) : l’entreprise doit savoir quoi corriger.')
    .max(1000, 'Le motif du rejet : 1 000 caractères au plus.'),
});
export type RejectDeclarationInput = z.input<typeof rejectDeclarationInputSchema>;

export const bulkValidateInputSchema = z.strictObject({ contractId: uuidSchema, month: monthSchema() });
export type BulkValidateInput = z.input<typeof bulkValidateInputSchema>;

/** A finding of the domain's declaration checks, as the facilitator and the contractor see it. */
export const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  /** Blocks the submission (the contractor must fix it) or only the validation (to regularise). */
  blocks: z.enum(['submission', 'validation', 'nothing']),
});
export type Finding = z.infer<typeof findingSchema>;

export const proofKinds = ['payslip', 'timesheet', 'mission_statement', 'siae_attestation', 'invoice', 'other'] as const;
export type ProofKind = (typeof proofKinds)[number];
export const proofKindLabels: Record<ProofKind, string> = {
  payslip: 'Bulletin de salaire',
  timesheet: 'Relevé d’heures',
  mission_statement: 'Relevé de mission (intérim, mise à disposition)',
  siae_attestation: 'Attestation d’heures de la SIAE ou de l’EA',
  invoice: 'Facture',
  other: 'Autre justificatif',
};
export const proofKindSchema = z.enum(proofKinds, { error: 'Type de justificatif inconnu.' });

export const declarationProofSchema = z.object({
  id: uuidSchema,
  kind: proofKindSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export type DeclarationProof = z.infer<typeof declarationProofSchema>;

const refSchema = z.object({ id: uuidSchema, label: z.string() });

export const declarationSchema = z.object({
  id: uuidSchema,
  version: z.number().int(),
  placementId: uuidSchema,
  month: z.string(),
  status: declarationStatusSchema,
  workedMinutes: z.number().int(),
  trainingMinutes: z.number().int().nullable(),
  attestedMinutes: z.number().int().nullable(),
  invoiceCents: z.number().int().nullable(),
  /** Invoice converted into hours by rule C7 (invoice × τ_MO ÷ C), for reading. */
  convertedMinutes: z.number().int().nullable(),
  comment: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  /** Day the declaration was due (the clause's deadline day of the next month). */
  deadline: z.string(),
  /** Transmitted after its deadline (or still not transmitted past it). */
  late: z.boolean(),
  source: z.enum(['form', 'import']),
  person: z.object({ firstName: z.string(), lastName: z.string() }),
  modality: z.enum(MODALITIES),
  employerName: z.string(),
  lot: refSchema,
  contract: refSchema,
  buyer: refSchema,
  contractor: z.object({ name: z.string(), siret: z.string() }),
  proofs: z.array(declarationProofSchema),
  findings: z.array(findingSchema),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Declaration = z.infer<typeof declarationSchema>;

export const declarationListQuerySchema = z.strictObject({
  month: monthSchema().optional(),
  status: declarationStatusSchema.optional(),
  contractId: uuidSchema.optional(),
  placementId: uuidSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type DeclarationListQuery = z.input<typeof declarationListQuerySchema>;

export const bulkValidateResultSchema = z.object({
  validated: z.number().int(),
  /** Pending declarations left for a closer look, with why. */
  left: z.array(z.object({ id: uuidSchema, person: z.string(), reasons: z.array(z.string()) })),
});
export type BulkValidateResult = z.infer<typeof bulkValidateResultSchema>;

export const auditEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  /** French label of the action ("Validation", "Rejet", …). */
  label: z.string(),
  actor: z.string().nullable(),
  organisation: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const declarationActionLabels: Record<string, string> = {
  create: 'Création',
  update: 'Modification',
  submit: 'Transmission',
  correct: 'Correction transmise',
  validate: 'Validation',
  reject: 'Rejet',
  import: 'Import d’un relevé',
  add_proof: 'Justificatif ajouté',
  remove_proof: 'Justificatif retiré',
  read_proof: 'Justificatif consulté',
};
