import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { InsertionClauseSchema } from './insertion-clause.entity.js';

/** An order (bon de commande) under a framework agreement: the clause's required hours follow the orders. */
export const PurchaseOrderSchema = defineEntity({
  name: 'PurchaseOrder',
  tableName: 'purchase_order',
  properties: {
    id: p.uuid().primary(),
    clause: () => p.manyToOne(InsertionClauseSchema).index().deleteRule('cascade'),
    reference: p.string().length(60),
    orderedOn: p.date(),
    amountCents: p.bigint('number'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PurchaseOrderEntity = InferEntity<typeof PurchaseOrderSchema>;
