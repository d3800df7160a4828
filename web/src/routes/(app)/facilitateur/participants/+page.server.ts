import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  try {
    const list = await api(event, routes.listParticipants, { query: { q: q || undefined } });
    return { q, participants: list.items, total: list.total };
  } catch (e) {
    failLoad(e);
  }
};
