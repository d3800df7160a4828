import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { createJobNeed, getJobNeed, listJobNeeds } from '../../application/job-needs.js';
import { listAnonymousCandidates, listCandidates } from '../../application/candidates.js';
import { createPlacement, endPlacement, listPlacements, recordFollowUp } from '../../application/placements.js';

type JobNeedRoutes = Pick<
  Routes,
  'listJobNeeds' | 'createJobNeed' | 'getJobNeed' | 'listCandidates' | 'listAnonymousCandidates' | 'listPlacements' | 'createPlacement' | 'endPlacement' | 'recordFollowUp'
>;

export const jobNeedHandlers: { [K in keyof JobNeedRoutes]: Handler<JobNeedRoutes[K]> } = {
  listJobNeeds: ({ ctx, actor }) => listJobNeeds(ctx.em, actor),
  createJobNeed: ({ ctx, actor, body }) => createJobNeed(ctx.em, actor, ctx.state.meta, body),
  getJobNeed: ({ ctx, actor, params }) => getJobNeed(ctx.em, actor, params.id),
  listCandidates: ({ ctx, actor, params }) => listCandidates(ctx.em, actor, ctx.state.meta, params.id, ctx.container.clock.today()),
  listAnonymousCandidates: ({ ctx, actor, params }) => listAnonymousCandidates(ctx.em, actor, params.id, ctx.container.clock.today()),
  listPlacements: ({ ctx, actor }) => listPlacements(ctx.em, actor, ctx.container.clock.today()),
  createPlacement: ({ ctx, actor, body }) => createPlacement(ctx.em, actor, ctx.state.meta, body, ctx.container.clock.today()),
  endPlacement: ({ ctx, actor, params, body }) => endPlacement(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
  recordFollowUp: ({ ctx, actor, params, body }) => recordFollowUp(ctx.em, actor, ctx.state.meta, params.id, body, ctx.container.clock.today()),
};
