import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event.locals, event.url, 'facilitator');
  try {
    return { user, dashboard: await api(event, routes.getFacilitatorDashboard) };
  } catch (e) {
    failLoad(e);
  }
};
