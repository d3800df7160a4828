import { addMonthsToMonth, IMPORT_MAX_BYTES, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { uploadForPreview } from '$lib/server/upload';
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
    return uploadForPreview(event, {
      maxBytes: IMPORT_MAX_BYTES,
      tooLarge: TOO_LARGE,
      missing: 'Choisissez le relevé à déposer (.xlsx ou .csv).',
      send: (file) => api(event, routes.uploadStatement, { query: { fileName: file.name }, raw: { data: file.data, contentType: 'application/octet-stream' } }),
      previewPath: (id) => `/entreprise/imports/${id}`,
    });
  },
};
