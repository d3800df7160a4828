import { portfolioRoles, routes, hoursToMinutes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { submit, text } from '$lib/server/forms';
import { amountField } from '$lib/contract-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, portfolioRoles);
  try {
    const contract = await api(event, routes.getContract, { params: { id: event.params.id } });
    return { user, contract, created: event.url.searchParams.has('cree'), updated: event.url.searchParams.has('modifie'), sized: event.url.searchParams.get('clause') };
  } catch (e) {
    failLoad(e);
  }
};

/** Paths of the API that are named differently in the forms. */
const renamed = (errors: Record<string, string>, names: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [names[k] ?? k, v]));

export const actions: Actions = {
  addLot: async (event) => {
    requireRoles(event.locals, event.url, portfolioRoles);
    const data = await event.request.formData();
    const result = await submit(
      data,
      () =>
        api(event, routes.createLot, {
          params: { id: event.params.id },
          body: { number: Number(text(data, 'number')) || text(data, 'number'), title: text(data, 'title'), trade: text(data, 'trade') || null, amountCents: amountField(text(data, 'amount')), holderSiret: text(data, 'holderSiret') },
        }),
      'lot',
    );
    if ('id' in result) return { form: 'lot', success: `Lot ${result.number} ajouté.` };
    result.data.errors = renamed(result.data.errors, { amountCents: 'amount' });
    return result;
  },
  amend: async (event) => {
    requireRoles(event.locals, event.url, portfolioRoles);
    const data = await event.request.formData();
    const lotId = text(data, 'lotId');
    const explicit = text(data, 'explicitHours');
    const result = await submit(
      data,
      () =>
        api(event, routes.createAmendment, {
          params: { id: lotId },
          body: {
            reference: text(data, 'reference'), effectiveDate: text(data, 'effectiveDate'), deltaAmountCents: amountField(text(data, 'delta')),
            hoursPolicy: text(data, 'hoursPolicy'), explicitRequiredMinutes: explicit ? (hoursToMinutes(explicit) ?? explicit) : null,
            newEndDate: text(data, 'newEndDate') || null, object: text(data, 'object'),
          },
        }),
      `amend-${lotId}`,
    );
    if ('id' in result) return { form: `amend-${lotId}`, success: `Avenant enregistré : ${result.clause?.requiredMinutes != null ? `${result.clause.requiredMinutes / 60} h requises` : 'montant mis à jour'}.` };
    result.data.errors = renamed(result.data.errors, { deltaAmountCents: 'delta', explicitRequiredMinutes: 'explicitHours' });
    return result;
  },
  order: async (event) => {
    requireRoles(event.locals, event.url, portfolioRoles);
    const data = await event.request.formData();
    const clauseId = text(data, 'clauseId');
    const result = await submit(
      data,
      () => api(event, routes.createPurchaseOrder, { params: { id: clauseId }, body: { reference: text(data, 'reference'), orderedOn: text(data, 'orderedOn'), amountCents: amountField(text(data, 'amount')) } }),
      `order-${clauseId}`,
    );
    if ('id' in result) return { form: `order-${clauseId}`, success: 'Bon de commande enregistré : heures réévaluées.' };
    result.data.errors = renamed(result.data.errors, { amountCents: 'amount' });
    return result;
  },
};
