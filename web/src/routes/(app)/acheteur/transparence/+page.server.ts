import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { checked, submit } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'buyer');
  try {
    return { settings: await api(event, routes.getTransparencySettings) };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    const data = await event.request.formData();
    const result = await submit(data, () => api(event, routes.updateTransparencySettings, { body: { enabled: checked(data, 'enabled') } }));
    if ('enabled' in result) return { success: true, message: result.enabled ? 'La page publique est en ligne.' : 'La page publique est retirée.' };
    return result;
  },
};
