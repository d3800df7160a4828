import { routes } from '@app/shared';
import { api, ApiProblem, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { buyerChoices, queryOf } from '$lib/server/portfolio';
import { matchBuyers } from '$lib/buyer-search';
import type { PageServerLoad } from './$types';

/** Filters and sort live in the address: a reload, a shared link or the back button keep them. */
const FILTERS = ['buyerId', 'operationId', 'contractId', 'status', 'flagged', 'contractor', 'from', 'to', 'sort', 'dir', 'page'] as const;

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, ['buyer', 'facilitator', 'admin']);
  const filters = queryOf(event.url, FILTERS);
  const buyers = await buyerChoices(event, user.role).catch(() => []);
  // The admin picks a buyer by name or SIRET in a searchable list (never an identifier typed by hand).
  const typed = event.url.searchParams.get('acheteur')?.trim() ?? '';
  const matches = typed ? matchBuyers(buyers, typed) : [];
  if (typed && matches.length === 1) filters.buyerId = matches[0]!.id;
  const empty = { user, filters, buyers, typed, matches, dashboard: null, participants: null, problem: null };
  if (user.role === 'admin' && !filters.buyerId) return empty;
  try {
    const [dashboard, participants] = await Promise.all([
      api(event, routes.getBuyerDashboard, { query: filters }),
      api(event, routes.getBuyerParticipantStats, { query: { buyerId: filters.buyerId } }),
    ]);
    return { ...empty, dashboard, participants };
  } catch (e) {
    // Nonsense filters: the page says which one, with the form to fix it.
    if (e instanceof ApiProblem && e.problem.status === 400) {
      return { ...empty, problem: { detail: e.problem.detail ?? e.problem.title, errors: e.problem.errors ?? [] } };
    }
    failLoad(e);
  }
};
