import { z } from './locale.js';
import { emailSchema, textError, uuidSchema } from './common.js';
import type { OrganisationKind } from './organisation.js';

export const roles = ['buyer', 'facilitator', 'contractor', 'admin'] as const;
export const roleSchema = z.enum(roles, { error: 'Rôle inconnu.' });
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  buyer: 'Acheteur',
  facilitator: 'Facilitateur',
  contractor: 'Entreprise',
  admin: 'Administrateur',
};

/** One role per user, and it must be the one of the user's organisation. */
export const roleOfOrganisationKind: Record<OrganisationKind, Role> = {
  buyer: 'buyer',
  facilitator: 'facilitator',
  contractor: 'contractor',
  admin: 'admin',
};

export const passwordSchema = z
  .string({ error: textError('Le mot de passe') })
  .min(12, 'Le mot de passe doit comporter au moins 12 caractères.')
  .max(200, 'Le mot de passe est trop long.');

export const userSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  fullName: z.string(),
  role: roleSchema,
  organisationId: uuidSchema,
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createUserInputSchema = z.strictObject({
  email: emailSchema,
  fullName: z.string({ error: textError('Le nom') }).trim().min(2, 'Le nom doit comporter au moins 2 caractères.').max(200),
  organisationId: uuidSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;
