import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { contractorTodo } from '$lib/contractor-todo';
import { parisToday } from '$lib/dates';
import type { PageServerLoad } from './$types';

/** Every lot the company holds (those without hours yet too), the figures of those with hours, and what is due. */
export const load: PageServerLoad = async (event) => {
  const user = requireRole(event.locals, event.url, 'contractor');
  try {
    const [dashboard, lots, placements, rejected] = await Promise.all([
      api(event, routes.getContractorDashboard, { params: { id: user.organisation.id } }),
      api(event, routes.listContractorLots),
      api(event, routes.listContractorPlacements),
      api(event, routes.listDeclarations, { query: { status: 'rejected' } }),
    ]);
    return { user, dashboard, lots: lots.items, todo: contractorTodo(placements.items, rejected.items, parisToday()) };
  } catch (e) {
    failLoad(e);
  }
};
