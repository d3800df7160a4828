import { z } from './locale.js';
import { dateSchema } from './fields.js';
import { uuidSchema } from './common.js';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** A period [from, to] of at most three years; the admin may restrict to one facilitation structure. */
export const fundersIndicatorsQuerySchema = z
  .object({
    from: dateSchema('Début de la période'),
    to: dateSchema('Fin de la période'),
    facilitatorId: z.preprocess(emptyToUndefined, uuidSchema.optional()),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'La fin de la période doit suivre son début.' })
  .refine((q) => Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4)) <= 3, { path: ['to'], message: 'Période de trois ans au plus.' });

export const yearQuerySchema = z.object({
  year: z.coerce.number({ error: 'Année invalide.' }).int('Année invalide.').min(2000, 'Année invalide.').max(2100, 'Année invalide.'),
  facilitatorId: z.preprocess(emptyToUndefined, uuidSchema.optional()),
});

export const yearExportQuerySchema = yearQuerySchema.extend({
  format: z.enum(['csv', 'xlsx'], { error: 'Format d’export inconnu (csv ou xlsx).' }).default('xlsx'),
});

/** `?format=csv|xlsx` of the list exports (the list's own filters are not carried). */
export const listExportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx'], { error: 'Format d’export inconnu (csv ou xlsx).' }).default('xlsx'),
});

const breakdownSchema = z.object({ code: z.string(), label: z.string(), minutes: z.number().int(), people: z.number().int(), workContracts: z.number().int() });

export const yearlyFiguresSchema = z.object({
  year: z.number().int(),
  minutes: z.number().int(),
  people: z.number().int(),
  workContracts: z.number().int(),
  publicContracts: z.number().int(),
  companies: z.number().int(),
  buyers: z.number().int(),
  byModality: z.array(breakdownSchema),
  byPublic: z.array(breakdownSchema),
});
export type YearlyFiguresDto = z.infer<typeof yearlyFiguresSchema>;
