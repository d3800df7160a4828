import { routes } from '@app/shared';
import { loadHome } from '$lib/server/home';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { submit, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const home = await loadHome(event, 'buyer');
  try {
    const count = async (status?: string) => (await api(event, routes.listClauses, { query: { status, pageSize: '1' } })).total;
    const [mandates, contracts, clauses, toSize, atRisk] = await Promise.all([
      api(event, routes.listMandates),
      api(event, routes.listContracts, { query: { pageSize: '1' } }),
      count(),
      count('to_size'),
      count('at_risk'),
    ]);
    return { ...home, mandates: mandates.items, totals: { contracts: contracts.total, clauses, toSize, atRisk } };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  mandate: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    const data = await event.request.formData();
    const result = await submit(data, () => api(event, routes.createMandate, { body: { facilitatorSiret: text(data, 'facilitatorSiret') } }), 'mandate');
    return 'id' in result ? { form: 'mandate', success: `${result.facilitator.name} est mandatée.` } : result;
  },
  revoke: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    const data = await event.request.formData();
    const result = await submit(data, () => api(event, routes.deleteMandate, { params: { id: text(data, 'id') } }), 'mandate');
    return result === undefined ? { form: 'mandate', success: 'Mandat retiré.' } : result;
  },
};
