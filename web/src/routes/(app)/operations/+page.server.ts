import { redirect } from '@sveltejs/kit';
import { portfolioRoles, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole, requireRoles } from '$lib/server/guards';
import { checked, optional, submit, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, portfolioRoles);
  const q = event.url.searchParams.get('q') ?? '';
  const page = event.url.searchParams.get('page') ?? '1';
  try {
    return { user, q, operations: await api(event, routes.listOperations, { query: { q, page } }) };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  create: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    const data = await event.request.formData();
    const result = await submit(data, () =>
      api(event, routes.createOperation, {
        body: { name: text(data, 'name'), anru: checked(data, 'anru'), communeCode: optional(data, 'communeCode'), description: text(data, 'description') },
      }),
    );
    if ('id' in result) redirect(303, `/operations/${result.id}?cree`);
    return result;
  },
};
