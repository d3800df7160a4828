import { error } from '@sveltejs/kit';
import { routes, type RouteName } from '@app/shared';
import { apiFetch } from '$lib/server/api';
import type { RequestHandler } from './$types';

/** The page-side names of the exports (French URLs) and the API route each streams. */
const exportsByName: Record<string, RouteName> = {
  participants: 'exportParticipants',
  'mises-en-poste': 'exportPlacements',
  besoins: 'exportJobNeeds',
  declarations: 'exportDeclarations',
  operations: 'exportOperations',
  marches: 'exportContracts',
  'indicateurs-fse': 'exportFundersIndicators',
  'chiffres-annuels': 'exportYearlyFigures',
};

/** Any export file, streamed from the API with its name and type (the browser never calls the API itself). */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.user) error(401, { message: 'Connectez-vous pour exporter.' });
  const name = exportsByName[event.params.name];
  if (!name) error(404, { message: 'Export inconnu.' });
  const query = Object.fromEntries(event.url.searchParams.entries());
  const res = await apiFetch(event, routes[name], { query });
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { detail?: string; title?: string; errors?: { message: string }[] } | null;
    error(res.status, { message: problem?.errors?.[0]?.message ?? problem?.detail ?? problem?.title ?? 'Export impossible.' });
  }
  return new Response(res.body, {
    headers: {
      'content-type': res.headers.get('content-type') ?? 'application/octet-stream',
      'content-disposition': res.headers.get('content-disposition') ?? 'attachment',
    },
  });
};
