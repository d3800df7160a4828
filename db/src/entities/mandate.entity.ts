import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';

/** A buyer mandates a facilitation structure: the structure reads and helps edit the buyer's portfolio. */
export const MandateSchema = defineEntity({
  name: 'Mandate',
  tableName: 'mandate',
  uniques: [{ properties: ['buyer', 'facilitator'] }],
  properties: {
    id: p.uuid().primary(),
    buyer: () => p.manyToOne(OrganisationSchema),
    facilitator: () => p.manyToOne(OrganisationSchema).index(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type MandateEntity = InferEntity<typeof MandateSchema>;
