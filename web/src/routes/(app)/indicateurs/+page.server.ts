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
  const isAdmin = user.role === 'admin';
  // The admin reports on one facilitation structure or on the whole instance.
  const facilitatorId = isAdmin ? (event.url.searchParams.get('facilitatorId') ?? '') : '';
  try {
    const figures = await api(event, routes.getYearlyFigures, { query: { year: String(year), facilitatorId } });
    const structures = isAdmin ? (await api(event, routes.listOrganisations)).items.filter((o) => o.kind === 'facilitator').map((o) => ({ id: o.id, name: o.name })) : [];
    return { figures, year, thisYear, isAdmin, structures, facilitatorId };
  } catch (e) {
    failLoad(e);
  }
};
