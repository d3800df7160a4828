import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ContractSchema } from './contract.entity.js';
import { LotSchema } from './lot.entity.js';

/** An amendment (avenant, DECP "modification") of a lot: amount variation and its effect on the required hours. */
export const AmendmentSchema = defineEntity({
  name: 'Amendment',
  tableName: 'amendment',
  uniques: [{ properties: ['lot', 'decpOrder'] }],
  properties: {
    id: p.uuid().primary(),
    lot: () => p.manyToOne(LotSchema).index().deleteRule('cascade'),
    contract: () => p.manyToOne(ContractSchema).index().deleteRule('cascade'),
    reference: p.string().length(60),
    effectiveDate: p.date(),
    deltaAmountCents: p.bigint('number'),
    hoursPolicy: p.string().length(10),
    explicitRequiredMinutes: p.integer().nullable(),
    newEndDate: p.date().nullable(),
    object: p.text().nullable(),
    source: p.string().length(10).default('manual'),
    /** Position of the DECP modification it comes from (idempotent re-import). */
    decpOrder: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type AmendmentEntity = InferEntity<typeof AmendmentSchema>;
