import { fail, redirect } from '@sveltejs/kit';
import { addMonthsToMonth, IMPORT_MAX_BYTES, routes } from '@app/shared';
import { api, ApiProblem, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { parisToday } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

const TOO_LARGE = `Le fichier dépasse ${Math.round(IMPORT_MAX_BYTES / 1_048_576)} Mo : découpez le relevé (par mois ou par lot) et déposez chaque partie.`;

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  try {
    return { imports: (await api(event, routes.listStatementImports)).items, lastMonth: addMonthsToMonth(parisToday().slice(0, 7), -1) };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  upload: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    let data: FormData;
    try {
      data = await event.request.formData();
    } catch {
      // The web server's body limit stops larger uploads before they are read.
      return fail(413, { message: TOO_LARGE });
    }
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'Choisissez le relevé à déposer (.xlsx ou .csv).' });
    if (file.size > IMPORT_MAX_BYTES) return fail(413, { message: TOO_LARGE });
    let id: string;
    try {
      const preview = await api(event, routes.uploadStatement, {
        query: { fileName: file.name.slice(0, 200) },
        raw: { data: new Uint8Array(await file.arrayBuffer()), contentType: 'application/octet-stream' },
      });
      id = preview.id;
    } catch (e) {
      if (e instanceof ApiProblem) return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title });
      throw e;
    }
    redirect(303, `/entreprise/imports/${id}`);
  },
};
