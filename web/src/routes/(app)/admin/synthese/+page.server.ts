import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'admin');
  try {
    return { summary: await api(event, routes.getNationalSummary) };
  } catch (e) {
    failLoad(e);
  }
};
