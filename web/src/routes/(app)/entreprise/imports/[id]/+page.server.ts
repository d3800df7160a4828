import { fail } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  const page = event.url.searchParams.get('page') ?? '1';
  const errorsOnly = event.url.searchParams.get('erreurs') === 'oui' ? 'true' : 'false';
  try {
    return { preview: await api(event, routes.getStatementImport, { params: { id: event.params.id }, query: { page, errorsOnly } }), errorsOnly: errorsOnly === 'true' };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  confirm: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    try {
      return { result: await api(event, routes.confirmStatementImport, { params: { id: event.params.id } }) };
    } catch (e) {
      if (e instanceof ApiProblem) return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title });
      throw e;
    }
  },
};
