import { z } from './locale.js';

export const referentialQuerySchema = z.strictObject({
  q: z.string({ error: 'Saisissez un texte à chercher.' }).trim().min(2, 'Saisissez au moins 2 caractères.').max(100, 'Recherche limitée à 100 caractères.'),
  limit: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(50, 'Au plus 50 résultats.').default(20)),
});

/** CPV search: the trade of the lot (or contract) ranks its own codes first. */
export const cpvQuerySchema = referentialQuerySchema.extend({
  trade: z.string().trim().max(40, 'Corps d’état inconnu.').optional(),
});

export const cpvEntrySchema = z.object({
  code: z.string(),
  /** With its check digit, as in the official vocabulary (45261000-4). */
  fullCode: z.string(),
  label: z.string(),
  type: z.enum(['travaux', 'services', 'fournitures']),
});
export type CpvEntry = z.infer<typeof cpvEntrySchema>;

export const communeEntrySchema = z.object({
  code: z.string(),
  name: z.string(),
  departement: z.string(),
  postalCodes: z.array(z.string()),
});
export type CommuneEntry = z.infer<typeof communeEntrySchema>;

const sourced = { evidence: z.enum(['practice', 'hypothesis']), source: z.string() };
export const parameterDefaultsSchema = z.object({
  labourShares: z.array(z.object({ code: z.string(), label: z.string(), labourShare: z.number(), range: z.tuple([z.number(), z.number()]), ...sourced })),
  hourlyCosts: z.array(z.object({ code: z.string(), label: z.string(), hourlyCostCents: z.number().int(), ...sourced })),
  insertionRates: z.array(z.object({ code: z.string(), label: z.string(), insertionRate: z.number(), ...sourced })),
  cleaningPact: z.object({ coefficientCents: z.number().int(), minimumHours: z.number().int() }),
  sources: z.array(z.object({ name: z.string(), origin: z.string(), licence: z.string() })),
});
export type ParameterDefaults = z.infer<typeof parameterDefaultsSchema>;
