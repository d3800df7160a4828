import { lotReaders, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, lotReaders);
  try {
    return { user, view: await api(event, routes.getClauseDashboard, { params: { id: event.params.id } }) };
  } catch (e) {
    failLoad(e);
  }
};
