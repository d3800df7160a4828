import { json } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { RequestHandler } from './$types';

/** Suggestions for the job fields (datalist): "appellation code — label", with the ROME code as a hint. */
export const GET: RequestHandler = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  if (q.length < 2) return json({ items: [] });
  try {
    const res = await api(event, routes.searchAppellations, { query: { q } });
    return json({ items: res.items.slice(0, 20).map((a) => ({ value: `${a.code} — ${a.label}`, label: `${a.romeCode} ${a.romeLabel}` })) });
  } catch (e) {
    if (e instanceof ApiProblem) return json({ items: [] }, { status: e.problem.status === 400 ? 200 : e.problem.status });
    throw e;
  }
};
