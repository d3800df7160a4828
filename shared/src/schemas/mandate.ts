import { z } from './locale.js';
import { uuidSchema } from './common.js';
import { siretSchema } from './siret.js';

/** A buyer mandates a facilitation structure: the structure then reads and helps edit the buyer's portfolio. */
export const mandateInputSchema = z.strictObject({ facilitatorSiret: siretSchema });
export type MandateInput = z.input<typeof mandateInputSchema>;

const partySchema = z.object({ id: uuidSchema, name: z.string(), siret: z.string().nullable() });

export const mandateSchema = z.object({
  id: uuidSchema,
  buyer: partySchema,
  facilitator: partySchema,
  createdAt: z.string(),
});
export type Mandate = z.infer<typeof mandateSchema>;
