import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { contractorTodo } from '$lib/contractor-todo';
import { parisToday } from '$lib/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  try {
    const [placements, lots, rejected] = await Promise.all([
      api(event, routes.listContractorPlacements),
      api(event, routes.listContractorLots),
      api(event, routes.listDeclarations, { query: { status: 'rejected' } }),
    ]);
    return { placements: placements.items, lots: lots.items, todo: contractorTodo(placements.items, rejected.items, parisToday()) };
  } catch (e) {
    failLoad(e);
  }
};
