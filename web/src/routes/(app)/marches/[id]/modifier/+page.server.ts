import { redirect } from '@sveltejs/kit';
import { portfolioRoles, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { submit } from '$lib/server/forms';
import { operationChoices } from '$lib/server/portfolio';
import { contractBodyFrom, contractFieldErrors } from '$lib/contract-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRoles(event.locals, event.url, portfolioRoles);
  try {
    const contract = await api(event, routes.getContract, { params: { id: event.params.id } });
    const operations = (await operationChoices(event)).filter((o) => o.buyerId === contract.buyer.id);
    return { contract, operations };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRoles(event.locals, event.url, portfolioRoles);
    const data = await event.request.formData();
    const result = await submit(data, () => api(event, routes.updateContract, { params: { id: event.params.id }, body: contractBodyFrom(data) }));
    if ('id' in result) redirect(303, `/marches/${result.id}?modifie`);
    result.data.errors = contractFieldErrors(result.data.errors);
    return result;
  },
};
