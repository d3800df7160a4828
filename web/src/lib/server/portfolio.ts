import type { RequestEvent } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api } from './api';

/** Operations offered in the contract form (the buyer's, or those of the mandating buyers). */
export async function operationChoices(event: Pick<RequestEvent, 'getClientAddress' | 'locals'>) {
  const page = await api(event, routes.listOperations, { query: { pageSize: '100' } });
  return page.items.map((o) => ({ id: o.id, name: o.buyer ? `${o.name}` : o.name, buyerId: o.buyer.id }));
}

/** The query string of a list page, kept as typed (the API validates it). */
export function queryOf(url: URL, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, url.searchParams.get(n) ?? undefined]));
}

/** The calendar day in Europe/Paris (the live calculator evaluates framework orders on this day). */
export const parisToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * The buyers one may pick (the "acheteur" filter): those a facilitator works for, every buyer of the
 * instance for the admin; a buyer only has its own portfolio.
 */
export async function buyerChoices(event: Pick<RequestEvent, 'getClientAddress' | 'locals'>, role: string): Promise<{ id: string; name: string; siret: string | null }[]> {
  if (role === 'admin') {
    const buyers = (await api(event, routes.listOrganisations)).items.filter((o) => o.kind === 'buyer');
    return buyers.map((o) => ({ id: o.id, name: o.name, siret: o.siret })).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }
  if (role !== 'facilitator') return [];
  return (await api(event, routes.listMandates)).items.map((m) => ({ ...m.buyer, siret: null }));
}
