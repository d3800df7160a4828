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

/**
 * A clause's dashboard row: the figures the domain computed (assessCompliance, forecastCompletion,
 * statusReason) from the stored totals, for `computedOn`. Written with the totals on every validation,
 * daily for all clauses, and on read for any row older than today or than an edit of its clause or lot — so the dashboards sort, filter and sum in SQL.
 */
export const ClauseDashboardRowSchema = defineEntity({
  name: 'ClauseDashboardRow',
  tableName: 'clause_dashboard_row',
  indexes: [{ properties: ['buyerId', 'flagged', 'status'] }, { properties: ['holderIdentifier'] }],
  properties: {
    clause: () => p.oneToOne(InsertionClauseSchema).primary().owner().deleteRule('cascade'),
    buyerId: p.uuid(),
    operationId: p.uuid().nullable(),
    contractId: p.uuid(),
    holderIdentifier: p.string().length(30),
    computedOn: p.date(),
    /** A clause or lot edited after this instant makes the row stale. */
    computedAt: p.datetime(),
    startDate: p.date(),
    endDate: p.date(),
    requiredMinutes: p.integer(),
    countedMinutes: p.integer(),
    expectedMinutes: p.integer(),
    pendingMinutes: p.integer(),
    elapsed: p.double(),
    pace: p.double().nullable(),
    progress: p.double().nullable(),
    status: p.string().length(20),
    missingPeriods: p.integer(),
    oldestMissingMonth: p.string().length(7).nullable(),
    flagged: p.boolean(),
    reason: p.text(),
    forecastKind: p.string().length(20),
    forecastProjectedMinutes: p.integer(),
    forecastDate: p.date().nullable(),
    forecastMessage: p.text(),
    /** Expected minutes per calendar year (the expected line's share of each year), e.g. {"2025": 30000}. */
    expectedByYear: p.json<Record<string, number>>(),
  },
});
export type ClauseDashboardRowEntity = InferEntity<typeof ClauseDashboardRowSchema>;

/**
 * Per buyer and status: sums of its clauses' dashboard rows, rewritten with them — the instance summary
 * adds up 2,000 buyers' lines instead of 100,000 clauses.
 */
export const BuyerStatusTotalSchema = defineEntity({
  name: 'BuyerStatusTotal',
  tableName: 'buyer_status_total',
  properties: {
    buyerId: p.uuid().primary(),
    status: p.string().length(20).primary(),
    clauseCount: p.integer(),
    requiredMinutes: p.bigint('number'),
    countedMinutes: p.bigint('number'),
    towardsMinutes: p.bigint('number'),
    shortfallMinutes: p.bigint('number'),
    expectedMinutes: p.bigint('number'),
    lateClauses: p.integer(),
  },
});

/** Per buyer and month: counted minutes (sum of clause_month_total), rewritten with it. */
export const BuyerMonthTotalSchema = defineEntity({
  name: 'BuyerMonthTotal',
  tableName: 'buyer_month_total',
  indexes: [{ properties: ['month'] }],
  properties: {
    buyerId: p.uuid().primary(),
    month: p.string().length(7).primary(),
    countedMinutes: p.bigint('number'),
  },
});
