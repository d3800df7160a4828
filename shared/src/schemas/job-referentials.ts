import { z } from './locale.js';
import { CRITERION_CODES } from '../domain/eligibility-criteria.js';

export const jobSearchQuerySchema = z.strictObject({
  q: z.string({ error: 'Saisissez au moins deux caractères.' }).trim().min(2, 'Saisissez au moins deux caractères.').max(100),
});

export const appellationSchema = z.object({ code: z.string(), label: z.string(), romeCode: z.string(), romeLabel: z.string() });
export type AppellationDto = z.infer<typeof appellationSchema>;

export const criterionSchema = z.object({
  code: z.enum(CRITERION_CODES),
  label: z.string(),
  lists: z.array(z.enum(['iae', 'clause'])),
  iaeLevel: z.number().int().nullable(),
  proofType: z.string(),
  proofRule: z.enum(['issued_within', 'valid_at_validation', 'identity', 'reason']),
  proofFreshnessMonths: z.number().int().nullable(),
  sensitive: z.boolean(),
});
