import { routes, type Role } from '@app/shared';
import type { RequestEvent } from '@sveltejs/kit';
import { api, failLoad } from './api';
import { requireRole } from './guards';

/** What every role's home page shows today: who you are, your organisation, your team. */
export async function loadHome(event: Pick<RequestEvent, 'locals' | 'url' | 'getClientAddress'>, role: Role) {
  const user = requireRole(event.locals, event.url, role);
  try {
    const team = await api(event, routes.listUsers);
    return { user, team: team.items };
  } catch (e) {
    failLoad(e);
  }
}
