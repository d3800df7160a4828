import { z } from './locale.js';
import { textError, uuidSchema } from './common.js';
import { isoDateSchema } from './participant.js';
import { CRITERION_CODES } from '../domain/eligibility-criteria.js';

/** Proofs: PDF, JPEG or PNG, 10 MB at most each (type checked from the content, not the name). */
export const PROOF_MAX_BYTES = 10 * 1024 * 1024;
export const PROOF_MAX_FILES = 5;
export const PROOF_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

const criterionInputSchema = z.strictObject({
  code: z.enum(CRITERION_CODES, { error: 'Critère d’éligibilité inconnu.' }),
  /** Name of the multipart field carrying this criterion's proof file, if any. */
  proofFile: z.string().regex(/^proof-[0-9]$/, 'Nom de fichier de justificatif invalide.').nullable().default(null),
  /** Date on the proof (attestation of less than N months). */
  proofDate: isoDateSchema('La date du justificatif').nullable().default(null),
  /** End of validity of the document itself (RQTH decision, residence permit). */
  proofValidUntil: isoDateSchema('La fin de validité du justificatif').nullable().default(null),
});

export const eligibilityInputSchema = z
  .strictObject({
    validatedAt: isoDateSchema('La date de validation'),
    /** Explicit end of validity; default: validation + 24 months. */
    validUntil: isoDateSchema('La fin de validité').nullable().default(null),
    exceptionReason: z.string({ error: textError('Le motif de dérogation') }).trim().max(2000).nullable().default(null),
    criteria: z
      .array(criterionInputSchema, { error: 'Les critères sont obligatoires.' })
      .min(1, 'Cochez au moins un critère d’éligibilité.')
      .max(6, 'Six critères au plus.'),
  })
  .superRefine((value, ctx) => {
    const codes = value.criteria.map((c) => c.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'Un même critère est coché deux fois.' });
    if (value.validUntil && value.validUntil < value.validatedAt) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'La fin de validité précède la date de validation.' });
    }
  });
export type EligibilityInput = z.input<typeof eligibilityInputSchema>;

export const proofDocumentSchema = z.object({
  id: uuidSchema,
  originalName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});

/** A validation with its criteria and proofs: facilitators only, and every read is audited. */
export const eligibilitySchema = z.object({
  id: uuidSchema,
  validatedAt: z.string(),
  validatedByName: z.string(),
  validUntil: z.string(),
  exceptionReason: z.string().nullable(),
  revokedAt: z.string().nullable(),
  usable: z.boolean(),
  problems: z.array(z.string()),
  criteria: z.array(
    z.object({
      code: z.enum(CRITERION_CODES),
      label: z.string(),
      proven: z.boolean(),
      problem: z.string().nullable(),
      proofDate: z.string().nullable(),
      proofValidUntil: z.string().nullable(),
      proof: proofDocumentSchema.nullable(),
    }),
  ),
});
export type EligibilityDto = z.infer<typeof eligibilitySchema>;

export const expiringEligibilitySchema = z.object({
  participantId: uuidSchema,
  lastName: z.string(),
  firstName: z.string(),
  eligibleUntil: z.string(),
  daysLeft: z.number().int(),
});

export const expiringQuerySchema = z.strictObject({
  withinDays: z.coerce.number().int().min(1).max(365).default(60),
});
