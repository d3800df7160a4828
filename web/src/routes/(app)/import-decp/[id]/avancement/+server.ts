import { json } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** Progress of a running import, polled by the preview page while the confirmation runs. */
export const GET: RequestHandler = async (event) => {
  try {
    const row = await api(event, routes.getDecpImport, { params: { id: event.params.id } });
    return json({ status: row.status, ...row.progress });
  } catch (e) {
    if (e instanceof ApiProblem) return json({ status: 'unknown', processed: 0, total: 0 }, { status: e.problem.status });
    throw e;
  }
};
