import { json } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** Suggestions for the commune fields (datalist): "code — name (département)". */
export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  if (q.length < 2) return json({ items: [] });
  try {
    const res = await api(event, routes.searchCommunes, { query: { q, limit: '15' } });
    return json({ items: res.items.map((c) => ({ value: `${c.code} — ${c.name} (${c.departement})`, label: c.postalCodes.join(', ') })) });
  } catch (e) {
    if (e instanceof ApiProblem) return json({ items: [] }, { status: e.problem.status === 400 ? 200 : e.problem.status });
    throw e;
  }
};
