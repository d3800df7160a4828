import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createClause, createPurchaseOrder, getClause, updateClause } from '../../application/clauses.js';
import { listClauses } from '../../application/portfolio/lists.js';
import { clauseBatches, clauseExportColumns } from '../../application/portfolio/clause-export.js';
import { sendTable } from '../../infra/spreadsheets/tabular-export.js';

type ClauseRoutes = Pick<Routes, 'listClauses' | 'getClause' | 'createClause' | 'updateClause' | 'createPurchaseOrder' | 'exportClauses'>;

export const clauseHandlers: { [K in keyof ClauseRoutes]: Handler<ClauseRoutes[K]> } = {
  listClauses: ({ ctx, actor, query }) => listClauses(ctx.em, actor, query),
  getClause: ({ ctx, actor, params }) => getClause(ctx.em, actor, params.id, ctx.container.clock.today()),
  createClause: ({ ctx, actor, params, body }) => createClause(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  updateClause: ({ ctx, actor, params, body }) => updateClause(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  createPurchaseOrder: ({ ctx, actor, params, body }) => createPurchaseOrder(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  async exportClauses({ ctx, actor, query }) {
    sendTable(ctx, { name: 'clauses', format: query.format, sheet: 'Clauses', columns: clauseExportColumns, batches: clauseBatches(ctx.em, actor, query) });
  },
};
