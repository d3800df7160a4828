import { json } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** Suggestions for the CPV field of the contract form (the page's script asks as the officer types). */
export const GET: RequestHandler = async (event) => {
  const q = event.url.searchParams.get('q') ?? '';
  if (!event.locals.user || q.trim().length < 2) return json({ items: [] });
  try {
    return json(await api(event, routes.searchCpv, { query: { q, limit: '15', trade: event.url.searchParams.get('trade') ?? undefined } }));
  } catch (e) {
    if (e instanceof ApiProblem) return json({ items: [] }, { status: e.problem.status });
    throw e;
  }
};
