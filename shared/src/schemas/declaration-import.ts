/** Uploading a monthly statement: the stored preview (every line checked) and its confirmation. */
import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { monthSchema } from './declaration.js';

/** Files above this size are refused while they stream in (a 100 000-line CSV is about 8 Mo). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Lines per preview page. */
export const IMPORT_PAGE_SIZE = 200;

export const importStatuses = ['previewed', 'committed', 'refused'] as const;
export const importStatusLabels: Record<(typeof importStatuses)[number], string> = {
  previewed: 'À confirmer',
  committed: 'Enregistré',
  refused: 'Refusé (erreurs)',
};

/** What confirming will do to each line: nothing (same as what is recorded), create, update, or error. */
export const lineOutcomes = ['create', 'update', 'unchanged', 'error'] as const;
export type LineOutcome = (typeof lineOutcomes)[number];
export const lineOutcomeLabels: Record<LineOutcome, string> = {
  create: 'Nouvelle déclaration',
  update: 'Déclaration modifiée',
  unchanged: 'Déjà déclarée à l’identique',
  error: 'Erreur',
};

export const importIssueSchema = z.object({ line: z.number().int().nullable(), column: z.string().nullable(), message: z.string() });
export type ImportIssueDto = z.infer<typeof importIssueSchema>;

export const importLineSchema = z.object({
  line: z.number().int(),
  reference: z.string(),
  month: z.string().nullable(),
  person: z.string().nullable(),
  lot: z.string().nullable(),
  workedMinutes: z.number().int().nullable(),
  trainingMinutes: z.number().int().nullable(),
  attestedMinutes: z.number().int().nullable(),
  invoiceCents: z.number().int().nullable(),
  comment: z.string().nullable(),
  outcome: z.enum(lineOutcomes),
  errors: z.array(importIssueSchema),
  warnings: z.array(z.string()),
});
export type ImportLine = z.infer<typeof importLineSchema>;

export const declarationImportSchema = z.object({
  id: uuidSchema,
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']).nullable(),
  encoding: z.string().nullable(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum(importStatuses),
  lineCount: z.number().int(),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
  warningCount: z.number().int(),
  /** Problems of the whole file (no headers, not a spreadsheet…) and the first line errors. */
  errors: z.array(importIssueSchema),
  ignoredHeaders: z.array(z.string()),
  skippedLines: z.number().int(),
  blankLines: z.number().int(),
  months: z.array(z.string()),
  /** The same file (same SHA-256) was already recorded on that date. */
  alreadyCommittedAt: z.string().nullable(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type DeclarationImport = z.infer<typeof declarationImportSchema>;

export const declarationImportDetailSchema = declarationImportSchema.extend({
  lines: z.array(importLineSchema),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type DeclarationImportDetail = z.infer<typeof declarationImportDetailSchema>;

export const importUploadQuerySchema = z.strictObject({
  fileName: z.string().trim().min(1).max(200).default('releve'),
});

export const importDetailQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  errorsOnly: z.enum(['true', 'false']).default('false'),
});

export const templateQuerySchema = z.strictObject({
  format: z.enum(['xlsx', 'csv'], { error: 'Format du modèle : xlsx ou csv.' }).default('xlsx'),
  month: monthSchema().optional(),
});

export const importCommitResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportCommitResult = z.infer<typeof importCommitResultSchema>;
