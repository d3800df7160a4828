import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { optional, submitForm, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  try {
    const ranked = await api(event, routes.listCandidates, { params: { id: event.params.id } });
    return { ...ranked, created: event.url.searchParams.has('cree') };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  /** Places the candidate whose button was pressed, on the need's lot, job and weekly hours. */
  place: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    return submitForm(event, 'placement', async (data) => {
      const need = await api(event, routes.getJobNeed, { params: { id: event.params.id } });
      const placement = await api(event, routes.createPlacement, {
        body: {
          participantId: text(data, 'participantId'),
          lotId: need.lot.id,
          jobNeedId: need.id,
          modality: text(data, 'modality'),
          contractType: optional(data, 'contractType'),
          employerName: text(data, 'employerName'),
          startDate: text(data, 'startDate'),
          plannedEndDate: optional(data, 'plannedEndDate'),
          weeklyMinutes: need.weeklyMinutes,
          appellationCode: need.appellation.code,
        },
      });
      return { name: `${placement.participant.firstName} ${placement.participant.lastName}` };
    });
  },
};
