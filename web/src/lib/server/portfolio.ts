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
