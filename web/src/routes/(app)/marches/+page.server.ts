import { portfolioRoles, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { buyerChoices, operationChoices, queryOf } from '$lib/server/portfolio';
import type { PageServerLoad } from './$types';

const FILTERS = ['q', 'operationId', 'status', 'contractorSiret', 'trade', 'notifiedFrom', 'notifiedTo', 'hoursToSize', 'source', 'buyerId', 'page'] as const;

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, portfolioRoles);
  const filters = queryOf(event.url, FILTERS);
  try {
    const [contracts, operations, buyers] = await Promise.all([api(event, routes.listContracts, { query: filters }), operationChoices(event), buyerChoices(event, user.role)]);
    return { user, filters, contracts, operations, buyers };
  } catch (e) {
    failLoad(e);
  }
};
