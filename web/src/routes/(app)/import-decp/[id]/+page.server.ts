import { fail } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'buyer');
  try {
    return { row: await api(event, routes.getDecpImport, { params: { id: event.params.id } }) };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  confirm: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    try {
      await api(event, routes.confirmDecpImport, { params: { id: event.params.id } });
      return { confirmed: true };
    } catch (e) {
      if (e instanceof ApiProblem) return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title });
      throw e;
    }
  },
};
