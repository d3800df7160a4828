import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { listEligibilityCriteria, searchAppellations } from '../../application/job-referentials.js';

type JobReferentialRoutes = Pick<Routes, 'searchAppellations' | 'listEligibilityCriteria'>;

export const jobReferentialHandlers: { [K in keyof JobReferentialRoutes]: Handler<JobReferentialRoutes[K]> } = {
  searchAppellations: ({ ctx, query }) => searchAppellations(ctx.em, query.q),
  listEligibilityCriteria: async () => listEligibilityCriteria(),
};
