import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { ContractSchema } from './contract.entity.js';

/** A lot of a contract, with its own holder and amount; each lot carries its own clause. */
export const LotSchema = defineEntity({
  name: 'Lot',
  tableName: 'lot',
  uniques: [{ properties: ['contract', 'number'] }],
  // The dashboards' freshness check: latest edit of a buyer's lots, read from the index alone.
  indexes: [{ properties: ['buyer', 'updatedAt'] }],
  properties: {
    id: p.uuid().primary(),
    contract: () => p.manyToOne(ContractSchema).deleteRule('cascade'),
    /** Denormalised owner, for scoping without a join. */
    buyer: () => p.manyToOne(OrganisationSchema).index(),
    number: p.integer(),
    title: p.string().length(300),
    trade: p.string().length(40).nullable(),
    initialAmountCents: p.bigint('number'),
    amountCents: p.bigint('number'),
    holderIdType: p.string().length(30).default('SIRET'),
    /** Contractors see the lots whose holder identifier is their SIRET. */
    holderIdentifier: p.string().length(30).index(),
    holderName: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type LotEntity = InferEntity<typeof LotSchema>;
