import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createMandate, deleteMandate, listMandates } from '../../application/mandates.js';

type MandateRoutes = Pick<Routes, 'listMandates' | 'createMandate' | 'deleteMandate'>;

export const mandateHandlers: { [K in keyof MandateRoutes]: Handler<MandateRoutes[K]> } = {
  listMandates: ({ ctx, actor }) => listMandates(ctx.em, actor),
  createMandate: ({ ctx, actor, body }) => createMandate(ctx.em, actor, ctx.state.meta, body),
  deleteMandate: ({ ctx, actor, params }) => deleteMandate(ctx.em, actor, ctx.state.meta, params.id),
};
