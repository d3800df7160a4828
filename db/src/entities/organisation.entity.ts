import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const OrganisationSchema = defineEntity({
  name: 'Organisation',
  tableName: 'organisation',
  properties: {
    id: p.uuid().primary(),
    kind: p.string().length(20),
    name: p.string().length(200),
    // Unique when present; the instance admin has none.
    siret: p.string().length(14).nullable().unique(),
    /** Buyers only: the public transparency page is published (opt-in). */
    transparencyEnabled: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type OrganisationEntity = InferEntity<typeof OrganisationSchema>;
