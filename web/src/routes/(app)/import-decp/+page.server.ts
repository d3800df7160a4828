import { DECP_MAX_BYTES, routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { uploadForPreview } from '$lib/server/upload';
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
    return uploadForPreview(event, {
      maxBytes: DECP_MAX_BYTES,
      tooLarge: TOO_LARGE,
      missing: 'Choisissez un fichier DECP (JSON ou XML).',
      send: (file) => api(event, routes.previewDecpImport, { query: { filename: file.name }, raw: { data: file.data, contentType: 'application/octet-stream' } }),
      previewPath: (id) => `/import-decp/${id}`,
    });
  },
};
