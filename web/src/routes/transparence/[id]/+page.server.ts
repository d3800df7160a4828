import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** Public: no session needed. A buyer that has not published its page answers 404. */
export const load: PageServerLoad = async (event) => {
  try {
    return { page: await api(event, routes.getPublicTransparency, { params: { id: event.params.id } }) };
  } catch (e) {
    failLoad(e);
  }
};
