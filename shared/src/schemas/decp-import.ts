import { z } from './locale.js';
import { uuidSchema } from './common.js';

export const DECP_IMPORT_STATUSES = ['previewed', 'running', 'done', 'failed'] as const;
export const DECP_IMPORT_STATUS_LABELS: Record<(typeof DECP_IMPORT_STATUSES)[number], string> = {
  previewed: 'Aperçu, à confirmer',
  running: 'Import en cours',
  done: 'Importé',
  failed: 'Échec',
};
export const DECP_FORMAT_LABELS: Record<string, string> = {
  'decp-2019-json': 'DECP format 2019 (JSON)',
  'decp-2022-json': 'DECP format 2022, en vigueur depuis 2024 (JSON)',
  'decp-2022-xml': 'DECP format 2022, en vigueur depuis 2024 (XML)',
};

/** The upload: the file travels as the raw request body, its name in the query string. */
export const decpUploadQuerySchema = z.strictObject({
  filename: z
    .string({ error: 'Le nom du fichier est obligatoire.' })
    .trim()
    .min(1, 'Le nom du fichier est obligatoire.')
    .max(200, 'Nom de fichier trop long (200 caractères au plus).'),
});

export const decpRecordSchema = z.object({
  index: z.number().int(),
  sourceId: z.string(),
  object: z.string(),
  notifiedOn: z.string().nullable(),
  amountCents: z.number().int().nullable(),
  holders: z.array(z.string()),
  socialConsiderations: z.array(z.string()),
  /** What the import does with it. */
  action: z.enum(['create', 'update', 'unchanged']),
});

export const decpIssueSchema = z.object({
  index: z.number().int(),
  sourceId: z.string().nullable(),
  field: z.string(),
  reason: z.string(),
});

export const decpSummarySchema = z.object({
  /** Records of the file, markets and concessions. */
  records: z.number().int(),
  concessionsIgnored: z.number().int(),
  /** Markets of another buyer (another SIREN): not yours to import. */
  otherBuyers: z.number().int(),
  /** Markets of the buyer without any social consideration (format 2022): nothing to track, not imported. */
  notSocial: z.number().int(),
  /** Markets of the buyer that can be imported. */
  contracts: z.number().int(),
  withSocialConsideration: z.number().int(),
  withInsertionClause: z.number().int(),
  reserved: z.number().int(),
  new: z.number().int(),
  existing: z.number().int(),
  unchanged: z.number().int(),
  issues: z.number().int(),
});
export type DecpSummary = z.infer<typeof decpSummarySchema>;

export const decpResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  clausesCreated: z.number().int(),
  amendmentsCreated: z.number().int(),
  skipped: z.number().int(),
  ms: z.number().int(),
});
export type DecpResult = z.infer<typeof decpResultSchema>;

export const decpImportSchema = z.object({
  id: uuidSchema,
  filename: z.string(),
  sizeBytes: z.number().int(),
  format: z.string().nullable(),
  status: z.enum(DECP_IMPORT_STATUSES),
  createdAt: z.string(),
  uploadedBy: z.string(),
  summary: decpSummarySchema,
  /** Line-by-line problems (the records skipped), the first 1,000. */
  issues: z.array(decpIssueSchema),
  /** Records kept but with a warning (damaged accents…), the first 200. */
  warnings: z.array(z.object({ index: z.number().int(), sourceId: z.string(), message: z.string() })),
  /** A sample of what will be created or updated (the first 50 of each). */
  sample: z.array(decpRecordSchema),
  progress: z.object({ processed: z.number().int(), total: z.number().int() }),
  result: decpResultSchema.nullable(),
  error: z.string().nullable(),
});
export type DecpImport = z.infer<typeof decpImportSchema>;

export const decpImportSummarySchema = decpImportSchema.pick({
  id: true, filename: true, sizeBytes: true, format: true, status: true, createdAt: true, uploadedBy: true, summary: true, result: true,
});

/** Largest DECP file accepted (a buyer's yearly export is a few MB; the national files are split by source). */
export const DECP_MAX_BYTES = 32 * 1024 * 1024;
