import { z } from './locale.js';
import { siretSchema } from './siret.js';
import { textError, uuidSchema } from './common.js';

export const organisationKinds = ['buyer', 'facilitator', 'contractor', 'admin'] as const;
export const organisationKindSchema = z.enum(organisationKinds, { error: 'Type d’organisation inconnu.' });
export type OrganisationKind = z.infer<typeof organisationKindSchema>;

export const organisationKindLabels: Record<OrganisationKind, string> = {
  buyer: 'Acheteur public',
  facilitator: 'Structure de facilitation',
  contractor: 'Entreprise titulaire',
  admin: 'Administration de l’instance',
};

export const organisationSchema = z.object({
  id: uuidSchema,
  kind: organisationKindSchema,
  name: z.string(),
  siret: z.string().nullable(),
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

const nameSchema = z.string({ error: textError('Le nom') }).trim().min(2, 'Le nom doit comporter au moins 2 caractères.').max(200);

/** Buyers, facilitation structures and contractors are identified by SIRET; the instance admin is not. */
export const createOrganisationInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('buyer'), name: nameSchema, siret: siretSchema }),
    z.strictObject({ kind: z.literal('facilitator'), name: nameSchema, siret: siretSchema }),
    z.strictObject({ kind: z.literal('contractor'), name: nameSchema, siret: siretSchema }),
  ],
  { error: 'Type d’organisation inconnu (acheteur, facilitateur ou entreprise).' },
);
export type CreateOrganisationInput = z.infer<typeof createOrganisationInputSchema>;
