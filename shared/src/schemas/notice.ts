import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { dateSchema, trimmedText } from './fields.js';
import { penaltyModelSchema } from '../domain/schemas.js';
import { NOTICE_KINDS, NOTICE_OUTCOMES, NOTICE_STATUSES } from '../domain/notices.js';
import { COMPLIANCE_STATUSES, PENALTY_MODELS } from '../domain/vocabulary.js';

const noticeVersionSchema = z
  .number({ error: 'La version du courrier est obligatoire (rechargez la page).' })
  .int('Version invalide.')
  .min(1, 'Version invalide.');

export const createNoticeInputSchema = z.strictObject({
  kind: z.enum(NOTICE_KINDS, { error: 'Type de courrier inconnu (relance ou mise en demeure).' }),
  /** Date the letter was sent; today by default. */
  sentOn: dateSchema('La date d’envoi').nullable().default(null),
  /** Date by which the contractor must answer or comply (required for a formal notice). */
  deadline: dateSchema('La date limite de réponse').nullable().default(null),
  body: trimmedText('Le texte du courrier', 10, 10_000),
});
export type CreateNoticeInput = z.input<typeof createNoticeInputSchema>;

export const noticeResponseInputSchema = z.strictObject({
  version: noticeVersionSchema,
  text: trimmedText('La réponse', 5, 10_000),
});

export const noticeDecisionInputSchema = z
  .strictObject({
    version: noticeVersionSchema,
    outcome: z.enum(NOTICE_OUTCOMES, { error: 'Décision inconnue (pénalité ou exonération).' }),
    /** Penalty model for this decision; the clause's models when absent. */
    model: penaltyModelSchema.nullable().default(null),
    reason: z.string({ error: 'Le motif doit être du texte.' }).trim().max(5000, 'Le motif ne doit pas dépasser 5 000 caractères.').nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'waiver' && (!value.reason || value.reason.length < 5)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Le motif de l’exonération est obligatoire (5 caractères au moins).' });
    }
  });
export type NoticeDecisionInput = z.input<typeof noticeDecisionInputSchema>;

export const noticeFileSchema = z.object({
  id: uuidSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

export const noticeResponseSchema = z.object({
  id: uuidSchema,
  text: z.string(),
  respondedAt: z.string(),
  respondedBy: z.string(),
  files: z.array(noticeFileSchema),
});

export const penaltyDecisionSchema = z.object({
  models: z.array(z.enum(PENALTY_MODELS)),
  amountCents: z.number().int(),
  formula: z.string(),
  shortfallMinutes: z.number().int(),
  lines: z.array(z.object({ model: z.enum(PENALTY_MODELS), amountCents: z.number().int(), formula: z.string(), figures: z.record(z.string(), z.unknown()) })),
  capCents: z.number().int().nullable(),
  totalBeforeCapCents: z.number().int(),
});
export type PenaltyDecision = z.infer<typeof penaltyDecisionSchema>;

export const noticeSchema = z.object({
  id: uuidSchema,
  version: z.number().int(),
  clauseId: uuidSchema,
  contract: z.object({ id: uuidSchema, reference: z.string(), object: z.string() }),
  lot: z.object({ id: uuidSchema, number: z.number().int(), title: z.string() }),
  buyer: z.object({ id: uuidSchema, name: z.string() }),
  holder: z.object({ identifier: z.string(), name: z.string().nullable() }),
  kind: z.enum(NOTICE_KINDS),
  status: z.enum(NOTICE_STATUSES),
  sentOn: z.string(),
  deadline: z.string().nullable(),
  body: z.string(),
  /** Clause figures when the letter was sent. */
  complianceStatus: z.enum(COMPLIANCE_STATUSES).nullable(),
  requiredMinutes: z.number().int(),
  countedMinutes: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  responses: z.array(noticeResponseSchema),
  decision: z
    .object({
      outcome: z.enum(NOTICE_OUTCOMES),
      decidedOn: z.string(),
      decidedAt: z.string(),
      decidedBy: z.string(),
      penalty: penaltyDecisionSchema.nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const transparencyInputSchema = z.strictObject({
  enabled: z.boolean({ error: 'Indiquez si la page publique est activée (vrai ou faux).' }),
});

export const transparencySettingsSchema = z.object({ enabled: z.boolean(), buyerId: uuidSchema, publicPath: z.string() });

export const publicTransparencySchema = z.object({
  buyer: z.object({ id: uuidSchema, name: z.string() }),
  threshold: z.number().int(),
  operations: z.array(z.object({ id: uuidSchema.nullable(), name: z.string() })),
  years: z.array(
    z.object({
      year: z.number().int(),
      requiredMinutes: z.number().int(),
      deliveredMinutes: z.number().int().nullable(),
      cells: z.array(z.object({ operationId: uuidSchema.nullable(), requiredMinutes: z.number().int(), deliveredMinutes: z.number().int().nullable(), suppressed: z.boolean() })),
    }),
  ),
  generatedOn: z.string(),
});
export type PublicTransparency = z.infer<typeof publicTransparencySchema>;
