import { portfolioRoles, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { operationChoices, queryOf } from '$lib/server/portfolio';
import type { PageServerLoad } from './$types';

const FILTERS = ['q', 'status', 'type', 'operationId', 'contractorSiret', 'trade', 'from', 'to', 'buyerId'] as const;

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, portfolioRoles);
  const filters = queryOf(event.url, FILTERS);
  try {
    const [clauses, operations] = await Promise.all([
      api(event, routes.listClauses, { query: { ...filters, page: event.url.searchParams.get('page') ?? undefined } }),
      operationChoices(event),
    ]);
    const exportQuery = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1])).toString();
    return { user, filters, clauses, operations, exportQuery };
  } catch (e) {
    failLoad(e);
  }
};
