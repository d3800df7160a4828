import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { InsertionClauseSchema } from './insertion-clause.entity.js';

/**
 * Monthly totals kept for the dashboards: validated hours counted by the domain's counting engine,
 * per clause × month × modality. Rewritten for a clause in the same transaction as every validation
 * or import commit (clause-progress.ts), so a buyer's burn-ups and hours by month need no recount.
 * The buyer is copied so that "hours by month of a buyer" reads one index range.
 */
export const ClauseMonthTotalSchema = defineEntity({
  name: 'ClauseMonthTotal',
  tableName: 'clause_month_total',
  indexes: [{ properties: ['buyerId', 'month'] }],
  properties: {
    clause: () => p.manyToOne(InsertionClauseSchema).primary().deleteRule('cascade'),
    month: p.string().length(7).primary(),
    modality: p.string().length(24).primary(),
    buyerId: p.uuid(),
    countedMinutes: p.integer(),
  },
});
export type ClauseMonthTotalEntity = InferEntity<typeof ClauseMonthTotalSchema>;

/**
 * Declaration state of a clause, as last computed by the domain (deadlines.ts): periods missing past
 * their deadline and hours transmitted but not decided yet. Refreshed with the counted hours, and
 * daily (a period becomes late on its deadline even when nothing happens).
 */
export const ClauseDeclarationStateSchema = defineEntity({
  name: 'ClauseDeclarationState',
  tableName: 'clause_declaration_state',
  indexes: [{ properties: ['buyerId', 'missingPeriods'] }],
  properties: {
    clause: () => p.oneToOne(InsertionClauseSchema).primary().owner().deleteRule('cascade'),
    buyerId: p.uuid(),
    missingPeriods: p.integer().default(0),
    /** Oldest month still missing past its deadline, null when none. */
    oldestMissingMonth: p.string().length(7).nullable(),
    pendingMinutes: p.integer().default(0),
    computedOn: p.date(),
  },
});
export type ClauseDeclarationStateEntity = InferEntity<typeof ClauseDeclarationStateSchema>;
