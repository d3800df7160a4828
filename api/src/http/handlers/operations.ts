import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createOperation, getOperation, listOperations, updateOperation } from '../../application/operations.js';

type OperationRoutes = Pick<Routes, 'listOperations' | 'getOperation' | 'createOperation' | 'updateOperation'>;

export const operationHandlers: { [K in keyof OperationRoutes]: Handler<OperationRoutes[K]> } = {
  listOperations: ({ ctx, actor, query }) => listOperations(ctx.em, actor, query),
  getOperation: ({ ctx, actor, params }) => getOperation(ctx.em, actor, params.id),
  createOperation: ({ ctx, actor, body }) => createOperation(ctx.em, actor, ctx.state.meta, body),
  updateOperation: ({ ctx, actor, params, body }) => updateOperation(ctx.em, actor, ctx.state.meta, params.id, body),
};
