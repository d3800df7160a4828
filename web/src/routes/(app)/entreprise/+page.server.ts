import { routes } from '@app/shared';
import { loadHome } from '$lib/server/home';
import { api, failLoad } from '$lib/server/api';
import { contractorTodo } from '$lib/contractor-todo';
import { parisToday } from '$lib/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const home = await loadHome(event, 'contractor');
  try {
    const [lots, progress, notices, placements, rejected] = await Promise.all([
      api(event, routes.listLots),
      api(event, routes.listContractorLots),
      api(event, routes.listContractorNotices),
      api(event, routes.listContractorPlacements),
      api(event, routes.listDeclarations, { query: { status: 'rejected' } }),
    ]);
    return {
      ...home, lots, progress: progress.items, noticesToAnswer: notices.items.filter((n) => n.status === 'sent').length,
      todo: contractorTodo(placements.items, rejected.items, parisToday()),
    };
  } catch (e) {
    failLoad(e);
  }
};
