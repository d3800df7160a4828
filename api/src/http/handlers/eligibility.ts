import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createEligibility, listEligibilities, listExpiringEligibilities, openProof } from '../../application/eligibility.js';

type EligibilityRoutes = Pick<Routes, 'listEligibilities' | 'createEligibility' | 'getProofFile' | 'listExpiringEligibilities'>;

export const eligibilityHandlers: { [K in keyof EligibilityRoutes]: Handler<EligibilityRoutes[K]> } = {
  listEligibilities: ({ ctx, actor, params }) => listEligibilities(ctx.em, actor, ctx.state.meta, params.id),
  createEligibility: ({ ctx, actor, params, body, files }) =>
    createEligibility(ctx.em, actor, ctx.state.meta, params.id, body, files, ctx.container.proofs, ctx.container.clock.today()),
  async getProofFile({ ctx, actor, params }) {
    const proof = await openProof(ctx.em, actor, ctx.state.meta, params.id, ctx.container.proofs);
    ctx.type = proof.mediaType;
    ctx.length = proof.size;
    ctx.set('Content-Disposition', `attachment; filename="${proof.filename}"`);
    ctx.body = proof.stream;
  },
  listExpiringEligibilities: ({ ctx, actor, query }) => listExpiringEligibilities(ctx.em, actor, query.withinDays, ctx.container.clock.today()),
};
