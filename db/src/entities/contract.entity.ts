import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { OperationSchema } from './operation.entity.js';

/**
 * A public contract (marché) of a buyer. Contracts imported from DECP keep their composite identity
 * (`decpKey`, unique per buyer) so that importing the same file again updates instead of duplicating.
 */
export const ContractSchema = defineEntity({
  name: 'Contract',
  tableName: 'contract',
  uniques: [{ properties: ['buyer', 'decpKey'] }],
  indexes: [
    { properties: ['buyer', 'createdAt'] },
    { properties: ['buyer', 'notifiedOn'] },
    {
      name: 'contract_search_text_trgm',
      expression: 'create index "contract_search_text_trgm" on "contract" using gin ("search_text" gin_trgm_ops)',
    },
  ],
  properties: {
    id: p.uuid().primary(),
    buyer: () => p.manyToOne(OrganisationSchema),
    operation: () => p.manyToOne(OperationSchema).nullable().index(),
    reference: p.string().length(60),
    object: p.string().length(1000),
    procedure: p.string().length(120).nullable(),
    cpvCode: p.string().length(8).nullable(),
    cpvLabel: p.string().length(400).nullable(),
    notifiedOn: p.date().nullable(),
    startDate: p.date().nullable(),
    endDate: p.date().nullable(),
    durationMonths: p.integer().nullable(),
    amountCents: p.bigint('number'),
    frameworkAgreement: p.boolean().default(false),
    source: p.string().length(10).default('manual'),
    decpKey: p.string().length(250).nullable(),
    decpSourceId: p.string().length(40).nullable(),
    /** Number of DECP modifications already applied (the next import applies only the newer ones). */
    decpModifications: p.integer().default(0),
    socialConsiderations: p.json<string[]>().nullable(),
    reserved: p.boolean().default(false),
    placeTypeCode: p.string().length(40).nullable(),
    placeCode: p.string().length(20).nullable(),
    /** Lower-case, accent-free reference + object + holders, for the trigram search. */
    searchText: p.text().default(''),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type ContractEntity = InferEntity<typeof ContractSchema>;
