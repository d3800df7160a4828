import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createContract, getContract, updateContract } from '../../application/contracts.js';
import { createAmendment, createLot, getLot, listLots, updateLot } from '../../application/lots.js';
import { listContracts } from '../../application/portfolio/lists.js';

type ContractRoutes = Pick<Routes, 'listContracts' | 'getContract' | 'createContract' | 'updateContract' | 'createLot' | 'updateLot' | 'listLots' | 'getLot' | 'createAmendment'>;

export const contractHandlers: { [K in keyof ContractRoutes]: Handler<ContractRoutes[K]> } = {
  listContracts: ({ ctx, actor, query }) => listContracts(ctx.em, actor, query),
  getContract: ({ ctx, actor, params }) => getContract(ctx.em, actor, params.id, ctx.container.clock.today()),
  createContract: ({ ctx, actor, body }) => createContract(ctx.em, actor, ctx.state.meta, body, ctx.container.clock.today()),
  updateContract: ({ ctx, actor, params, body }) => updateContract(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  createLot: ({ ctx, actor, params, body }) => createLot(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  updateLot: ({ ctx, actor, params, body }) => updateLot(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  listLots: ({ ctx, actor }) => listLots(ctx.em, actor),
  getLot: ({ ctx, actor, params }) => getLot(ctx.em, actor, params.id),
  createAmendment: ({ ctx, actor, params, body }) => createAmendment(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
};
