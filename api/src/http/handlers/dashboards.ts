import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { buyerDashboard } from '../../application/dashboards/buyer-dashboard.js';
import { buyerParticipantStats, clauseDashboard, contractorDashboard, facilitatorDashboard, nationalSummary } from '../../application/dashboards/role-dashboards.js';

type DashboardRoutes = Pick<
  Routes,
  'getBuyerDashboard' | 'getBuyerParticipantStats' | 'getClauseDashboard' | 'getFacilitatorDashboard' | 'getContractorDashboard' | 'getNationalSummary'
>;

export const dashboardHandlers: { [K in keyof DashboardRoutes]: Handler<DashboardRoutes[K]> } = {
  getBuyerDashboard: ({ ctx, actor, query }) => buyerDashboard(ctx.em, actor, query, ctx.container.clock.today()),
  getBuyerParticipantStats: ({ ctx, actor, query }) => buyerParticipantStats(ctx.em, actor, query.buyerId, ctx.container.clock.today()),
  getClauseDashboard: ({ ctx, actor, params }) => clauseDashboard(ctx.em, actor, params.id, ctx.container.clock.today()),
  getFacilitatorDashboard: ({ ctx, actor }) => facilitatorDashboard(ctx.em, actor, ctx.container.clock.today()),
  getContractorDashboard: ({ ctx, actor, params }) => contractorDashboard(ctx.em, actor, params.id, ctx.container.clock.today()),
  getNationalSummary: ({ ctx }) => nationalSummary(ctx.em, ctx.container.clock.today()),
};
