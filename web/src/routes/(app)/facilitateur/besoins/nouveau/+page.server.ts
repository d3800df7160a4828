import { redirect } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { integer, leadingCode, submitForm, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  try {
    const lots = await api(event, routes.listLots);
    return { lots: lots.items };
  } catch (e) {
    failLoad(e);
  }
};

/** "35" or "35,5" or "35:30" hours per week → minutes (NaN when unreadable: the API answers). */
function weeklyMinutes(value: string): number {
  const m = /^(\d{1,2})(?:[,.](\d{1,2})|[:h](\d{2}))?$/.exec(value.replace(/\s/g, ''));
  if (!m) return Number.NaN;
  const decimal = m[2] ? Number(`0.${m[2]}`) * 60 : 0;
  return Number(m[1]) * 60 + Math.round(decimal) + Number(m[3] ?? 0);
}

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const result = await submitForm(event, 'need', (data) =>
      api(event, routes.createJobNeed, {
        body: {
          lotId: text(data, 'lotId'),
          appellationCode: leadingCode(text(data, 'job')),
          siteCommuneCode: leadingCode(text(data, 'commune')),
          startDate: text(data, 'startDate'),
          durationWeeks: integer(data, 'durationWeeks'),
          weeklyMinutes: weeklyMinutes(text(data, 'weeklyHours')),
          headcount: integer(data, 'headcount'),
        },
      }),
    );
    if ('success' in result && result.success) redirect(303, `/facilitateur/besoins/${result.result.id}?cree`);
    return result;
  },
};
