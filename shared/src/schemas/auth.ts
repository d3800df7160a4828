import { z } from './locale.js';
import { emailSchema, textError } from './common.js';
import { organisationKindSchema } from './organisation.js';
import { roleSchema } from './user.js';

export const loginInputSchema = z.strictObject({
  email: emailSchema,
  // Never reveal password rules at sign-in: any non-empty string is a candidate.
  password: z.string({ error: textError('Le mot de passe') }).min(1, 'Le mot de passe est obligatoire.').max(200),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  fullName: z.string(),
  role: roleSchema,
  organisation: z.object({ id: z.string(), name: z.string(), kind: organisationKindSchema, siret: z.string().nullable() }),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const loginResultSchema = z.object({ user: sessionUserSchema, expiresAt: z.string() });
export type LoginResult = z.infer<typeof loginResultSchema>;
