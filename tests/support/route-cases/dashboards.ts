import { scenarioOfA } from '../declaration-factories.js';
import type { RouteCase } from './types.js';

/** Buyer A's dashboards: facilitator A is mandated by buyer A, contractor A holds the lot, the admin sees every buyer. */
export const dashboardCases = {
  getBuyerDashboard: (w) => ({ method: 'GET', path: `/api/dashboards/buyer?buyerId=${w.buyerA.organisation.id}` }),
  getBuyerParticipantStats: (w) => ({ method: 'GET', path: `/api/dashboards/buyer/participants?buyerId=${w.buyerA.organisation.id}` }),
  getClauseDashboard: async (w) => ({ method: 'GET', path: `/api/dashboards/clauses/${(await scenarioOfA(w)).clauseId}` }),
  getFacilitatorDashboard: () => ({ method: 'GET', path: '/api/dashboards/facilitator' }),
  getContractorDashboard: (w) => ({ method: 'GET', path: `/api/dashboards/contractors/${w.contractorA.organisation.id}` }),
  getNationalSummary: () => ({ method: 'GET', path: '/api/dashboards/national' }),
} satisfies Record<string, RouteCase>;
