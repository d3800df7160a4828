import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { optionalText, trimmedText } from './fields.js';

/** INSEE commune code: 5 characters (Corsica: 2A/2B). */
export const communeCodeSchema = z
  .string({ error: 'Le code commune doit être du texte.' })
  .trim()
  .refine((v) => /^(\d{5}|2[AB]\d{3})$/.test(v), { message: 'Code commune INSEE invalide (5 caractères, ex. 46042).' });

export const operationInputSchema = z.strictObject({
  name: trimmedText('Le nom de l’opération', 2, 200),
  anru: z.boolean({ error: 'Indiquez si l’opération relève de l’ANRU (vrai ou faux).' }).default(false),
  communeCode: communeCodeSchema.nullable().default(null),
  description: optionalText('La description', 2000).default(null),
});
export type OperationInput = z.input<typeof operationInputSchema>;

export const orgRefSchema = z.object({ id: uuidSchema, name: z.string() });

export const operationSchema = z.object({
  id: uuidSchema,
  buyer: orgRefSchema,
  name: z.string(),
  anru: z.boolean(),
  commune: z.object({ code: z.string(), name: z.string(), departement: z.string() }).nullable(),
  description: z.string().nullable(),
  contractCount: z.number().int(),
  createdAt: z.string(),
});
export type Operation = z.infer<typeof operationSchema>;
