import { routes } from '@app/shared';
import { loadHome } from '$lib/server/home';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const home = await loadHome(event, 'contractor');
  try {
    const [lots, progress] = await Promise.all([api(event, routes.listLots), api(event, routes.listContractorLots)]);
    return { ...home, lots, progress: progress.items };
  } catch (e) {
    failLoad(e);
  }
};
