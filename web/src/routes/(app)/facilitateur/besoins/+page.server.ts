import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  try {
    const needs = await api(event, routes.listJobNeeds);
    return { needs: needs.items };
  } catch (e) {
    failLoad(e);
  }
};
