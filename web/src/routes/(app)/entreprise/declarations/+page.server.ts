import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  try {
    const [placements, lots] = await Promise.all([api(event, routes.listContractorPlacements), api(event, routes.listContractorLots)]);
    return { placements: placements.items, lots: lots.items };
  } catch (e) {
    failLoad(e);
  }
};
