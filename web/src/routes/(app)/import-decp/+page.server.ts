import { fail, redirect } from '@sveltejs/kit';
import { DECP_MAX_BYTES, routes } from '@app/shared';
import { api, ApiProblem, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

const TOO_LARGE = `Le fichier dépasse ${Math.round(DECP_MAX_BYTES / 1_048_576)} Mo : découpez-le (par année ou par source) et importez chaque partie.`;

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'buyer');
  try {
    return { imports: await api(event, routes.listDecpImports) };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  upload: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    let data: FormData;
    try {
      data = await event.request.formData();
    } catch {
      // The body limit of the web server (BODY_SIZE_LIMIT) stops larger uploads before they are read.
      return fail(413, { message: TOO_LARGE });
    }
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'Choisissez un fichier DECP (JSON ou XML).' });
    if (file.size > DECP_MAX_BYTES) return fail(413, { message: TOO_LARGE });
    let id: string;
    try {
      const preview = await api(event, routes.previewDecpImport, {
        query: { filename: file.name.slice(0, 200) },
        raw: { data: new Uint8Array(await file.arrayBuffer()), contentType: 'application/octet-stream' },
      });
      id = preview.id;
    } catch (e) {
      if (e instanceof ApiProblem) return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title });
      throw e;
    }
    redirect(303, `/import-decp/${id}`);
  },
};
