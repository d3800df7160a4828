import { fail } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, ['facilitator', 'admin']);
  const query = { kind: event.url.searchParams.get('type') ?? '', page: event.url.searchParams.get('page') ?? '1' };
  try {
    const notifications = await api(event, routes.listNotifications, { query });
    return { notifications, kind: query.kind, isAdmin: user.role === 'admin' };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  // The admin's button: the same scan as the daily job; already recorded reminders are not sent again.
  scan: async (event) => {
    requireRoles(event.locals, event.url, ['admin']);
    try {
      return { run: await api(event, routes.runReminders) };
    } catch (e) {
      if (e instanceof ApiProblem) return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title });
      throw e;
    }
  },
};
