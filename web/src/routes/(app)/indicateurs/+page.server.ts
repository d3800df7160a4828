import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { parisToday } from '$lib/dates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, ['facilitator', 'admin']);
  const thisYear = Number(parisToday().slice(0, 4));
  const asked = Number(event.url.searchParams.get('annee'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  try {
    const figures = await api(event, routes.getYearlyFigures, { query: { year: String(year) } });
    return { figures, year, thisYear, isAdmin: user.role === 'admin' };
  } catch (e) {
    failLoad(e);
  }
};
