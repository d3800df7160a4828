import { redirect } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { submit } from '$lib/server/forms';
import { operationChoices } from '$lib/server/portfolio';
import { contractBodyFrom, contractFieldErrors } from '$lib/contract-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'buyer');
  try {
    return { operations: await operationChoices(event), operationId: event.url.searchParams.get('operation') ?? '' };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    const data = await event.request.formData();
    const result = await submit(data, () => api(event, routes.createContract, { body: contractBodyFrom(data) }));
    if ('id' in result) redirect(303, `/marches/${result.id}?cree`);
    result.data.errors = contractFieldErrors(result.data.errors);
    return result;
  },
};
