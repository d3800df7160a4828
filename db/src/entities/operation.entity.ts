import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';

/** A programme grouping contracts (a school rebuilt in lots, an ANRU urban renewal operation). */
export const OperationSchema = defineEntity({
  name: 'Operation',
  tableName: 'operation',
  indexes: [{ properties: ['buyer', 'name'] }],
  properties: {
    id: p.uuid().primary(),
    buyer: () => p.manyToOne(OrganisationSchema),
    name: p.string().length(200),
    anru: p.boolean().default(false),
    communeCode: p.string().length(5).nullable(),
    communeName: p.string().length(200).nullable(),
    departement: p.string().length(3).nullable(),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type OperationEntity = InferEntity<typeof OperationSchema>;
