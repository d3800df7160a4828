import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event.locals, event.url, 'contractor');
  try {
    return { user, dashboard: await api(event, routes.getContractorDashboard, { params: { id: user.organisation.id } }) };
  } catch (e) {
    failLoad(e);
  }
};
