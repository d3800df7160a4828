import { routes } from '@app/shared';
import { loadHome } from '$lib/server/home';
import { api, failLoad } from '$lib/server/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const home = await loadHome(event, 'contractor');
  try {
    const [lots, progress, notices] = await Promise.all([api(event, routes.listLots), api(event, routes.listContractorLots), api(event, routes.listContractorNotices)]);
    return { ...home, lots, progress: progress.items, noticesToAnswer: notices.items.filter((n) => n.status === 'sent').length };
  } catch (e) {
    failLoad(e);
  }
};
