import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createClause, createPurchaseOrder, getClause, updateClause } from '../../application/clauses.js';
import { listClauses } from '../../application/portfolio/lists.js';
import { clausesCsv, clausesXlsx } from '../../application/portfolio/clause-export.js';

type ClauseRoutes = Pick<Routes, 'listClauses' | 'getClause' | 'createClause' | 'updateClause' | 'createPurchaseOrder' | 'exportClauses'>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const clauseHandlers: { [K in keyof ClauseRoutes]: Handler<ClauseRoutes[K]> } = {
  listClauses: ({ ctx, actor, query }) => listClauses(ctx.em, actor, query),
  getClause: ({ ctx, actor, params }) => getClause(ctx.em, actor, params.id, ctx.container.clock.today()),
  createClause: ({ ctx, actor, params, body }) => createClause(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  updateClause: ({ ctx, actor, params, body }) => updateClause(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  createPurchaseOrder: ({ ctx, actor, params, body }) => createPurchaseOrder(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  async exportClauses({ ctx, actor, query }) {
    const name = `clauses-${ctx.container.clock.today()}.${query.format}`;
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
    ctx.type = query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX;
    ctx.body = query.format === 'csv' ? clausesCsv(ctx.em, actor, query) : clausesXlsx(ctx.em, actor, query, (err) => ctx.state.log.error({ err }, 'export XLSX interrompu'));
  },
};
