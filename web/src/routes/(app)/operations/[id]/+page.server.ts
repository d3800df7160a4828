import { portfolioRoles, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { checked, optional, submit, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, portfolioRoles);
  try {
    const [operation, contracts] = await Promise.all([
      api(event, routes.getOperation, { params: { id: event.params.id } }),
      api(event, routes.listContracts, { query: { operationId: event.params.id, pageSize: '100' } }),
    ]);
    return { user, operation, contracts, created: event.url.searchParams.has('cree') };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  update: async (event) => {
    requireRoles(event.locals, event.url, portfolioRoles);
    const data = await event.request.formData();
    const result = await submit(data, () =>
      api(event, routes.updateOperation, {
        params: { id: event.params.id },
        body: { name: text(data, 'name'), anru: checked(data, 'anru'), communeCode: optional(data, 'communeCode'), description: text(data, 'description') },
      }),
    );
    return 'id' in result ? { updated: true } : result;
  },
};
