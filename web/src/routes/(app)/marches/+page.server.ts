import { portfolioRoles, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { operationChoices, queryOf } from '$lib/server/portfolio';
import type { PageServerLoad } from './$types';

const FILTERS = ['q', 'operationId', 'status', 'contractorSiret', 'trade', 'notifiedFrom', 'notifiedTo', 'hoursToSize', 'source', 'page'] as const;

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, portfolioRoles);
  const filters = queryOf(event.url, FILTERS);
  try {
    const [contracts, operations] = await Promise.all([api(event, routes.listContracts, { query: filters }), operationChoices(event)]);
    return { user, filters, contracts, operations };
  } catch (e) {
    failLoad(e);
  }
};
