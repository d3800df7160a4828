import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OrganisationSchema } from './organisation.entity.js';
import { OperationSchema } from './operation.entity.js';
import { ContractSchema } from './contract.entity.js';
import { LotSchema } from './lot.entity.js';

/**
 * The insertion clause of a lot. Besides its own data it carries copies of what the lists filter on
 * (buyer, operation, holder, trade, search text) so that a page of 100,000 clauses needs no join to filter.
 */
export const InsertionClauseSchema = defineEntity({
  name: 'InsertionClause',
  tableName: 'insertion_clause',
  indexes: [
    { properties: ['buyer', 'createdAt'] },
    { properties: ['buyer', 'complianceStatus'] },
    { properties: ['buyer', 'toSize'] },
    { properties: ['buyer', 'startDate'] },
    // The dashboards' freshness check: latest edit of a buyer's clauses, read from the index alone.
    { properties: ['buyer', 'updatedAt'] },
    {
      name: 'insertion_clause_search_text_trgm',
      expression: 'create index "insertion_clause_search_text_trgm" on "insertion_clause" using gin ("search_text" gin_trgm_ops)',
    },
  ],
  properties: {
    id: p.uuid().primary(),
    lot: () => p.oneToOne(LotSchema).owner().unique().deleteRule('cascade'),
    contract: () => p.manyToOne(ContractSchema).index().deleteRule('cascade'),
    buyer: () => p.manyToOne(OrganisationSchema),
    operation: () => p.manyToOne(OperationSchema).nullable().index(),
    facilitator: () => p.manyToOne(OrganisationSchema).nullable().index(),
    holderIdentifier: p.string().length(30).index(),
    trade: p.string().length(40).nullable(),
    type: p.string().length(20),
    method: p.string().length(20).nullable(),
    methodParams: p.json<Record<string, unknown>>().nullable(),
    /** Null while the hours are still to be sized. */
    requiredMinutes: p.integer().nullable(),
    unroundedHours: p.double().nullable(),
    formula: p.text().nullable(),
    warnings: p.json<{ code: string; message: string }[]>(),
    /** Required minutes given by the method, before amendments. */
    initialRequiredMinutes: p.integer().nullable(),
    hoursHistory: p.json<unknown[]>(),
    toSize: p.boolean().default(false),
    startDate: p.date().nullable(),
    endDate: p.date().nullable(),
    targetPublics: p.json<string[]>(),
    /** Full clause rules (domain defaults with the officer's settings). */
    rules: p.json<Record<string, unknown>>(),
    waived: p.boolean().default(false),
    /** Hours counted so far; written by the declarations' counting. */
    countedMinutes: p.integer().default(0),
    complianceStatus: p.string().length(20).nullable(),
    complianceComputedOn: p.date().nullable(),
    searchText: p.text().default(''),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type InsertionClauseEntity = InferEntity<typeof InsertionClauseSchema>;
