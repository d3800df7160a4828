import { fail } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  const query = { contractId: event.url.searchParams.get('marche') ?? undefined, month: event.url.searchParams.get('mois') ?? undefined };
  try {
    return { queue: await api(event, routes.getValidationQueue, { query }) };
  } catch (e) {
    failLoad(e);
  }
};

/** Each decision names the declaration it concerns, so the page can say which line failed and why. */
const decision = async <T>(id: string, run: () => Promise<T>, done: string) => {
  try {
    await run();
    return { id, success: true, message: done };
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    return fail(e.problem.status, { id, message: e.problem.detail ?? e.problem.title });
  }
};

export const actions: Actions = {
  validate: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const data = await event.request.formData();
    const id = String(data.get('id'));
    return decision(id, () => api(event, routes.validateDeclaration, { params: { id }, body: { version: Number(data.get('version')) } }), `Déclaration de ${data.get('person')} validée.`);
  },
  reject: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const data = await event.request.formData();
    const id = String(data.get('id'));
    return decision(
      id,
      () => api(event, routes.rejectDeclaration, { params: { id }, body: { version: Number(data.get('version')), reason: String(data.get('reason') ?? '') } }),
      `Déclaration de ${data.get('person')} rejetée : l’entreprise voit le motif.`,
    );
  },
  validateMonth: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const data = await event.request.formData();
    const key = `${data.get('contractId')}|${data.get('month')}`;
    try {
      const result = await api(event, routes.validateMonth, { body: { contractId: String(data.get('contractId')), month: String(data.get('month')) } });
      return { id: key, success: true, message: `${result.validated} déclaration${result.validated > 1 ? 's' : ''} validée${result.validated > 1 ? 's' : ''}${result.left.length ? ` ; ${result.left.length} restent à examiner` : ''}.` };
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      return fail(e.problem.status, { id: key, message: e.problem.detail ?? e.problem.title });
    }
  },
};
