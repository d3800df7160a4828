import { fail } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  const params = { id: event.params.id };
  try {
    const [declaration, history] = await Promise.all([api(event, routes.getDeclaration, { params }), api(event, routes.getDeclarationHistory, { params })]);
    return { declaration, history: history.items };
  } catch (e) {
    failLoad(e);
  }
};

const decide = async (run: () => Promise<unknown>, done: string) => {
  try {
    await run();
    return { success: true, message: done };
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title });
  }
};

export const actions: Actions = {
  validate: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const data = await event.request.formData();
    return decide(() => api(event, routes.validateDeclaration, { params: { id: event.params.id }, body: { version: Number(data.get('version')) } }), 'Déclaration validée : ses heures comptent pour la clause.');
  },
  reject: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const data = await event.request.formData();
    return decide(
      () => api(event, routes.rejectDeclaration, { params: { id: event.params.id }, body: { version: Number(data.get('version')), reason: String(data.get('reason') ?? '') } }),
      'Déclaration rejetée : l’entreprise voit le motif et peut la corriger.',
    );
  },
};
