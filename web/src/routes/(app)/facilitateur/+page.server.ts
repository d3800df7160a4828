import { routes } from '@app/shared';
import { loadHome } from '$lib/server/home';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const home = await loadHome(event, 'facilitator');
  try {
    return { ...home, mandates: (await api(event, routes.listMandates)).items };
  } catch (e) {
    failLoad(e);
  }
};
