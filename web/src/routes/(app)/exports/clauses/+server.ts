import { error } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { apiFetch } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The export file, streamed from the API with its name and type (the browser never calls the API itself). */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.user) error(401, { message: 'Connectez-vous pour exporter.' });
  const query = Object.fromEntries(event.url.searchParams.entries());
  const res = await apiFetch(event, routes.exportClauses, { query });
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string; title?: string } | null;
    error(res.status, { message: problem?.detail ?? problem?.title ?? 'Export impossible.' });
  }
  return new Response(res.body, {
    headers: {
      'content-type': res.headers.get('content-type') ?? 'application/octet-stream',
      'content-disposition': res.headers.get('content-disposition') ?? 'attachment',
    },
  });
};
