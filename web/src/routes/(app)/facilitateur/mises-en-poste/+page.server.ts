import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { optional, submitForm, text } from '$lib/server/forms';
import { parisToday } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  try {
    return { placements: (await api(event, routes.listPlacements)).items, today: parisToday() };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  /** End of the placement and the exit outcome (funders' indicators). */
  end: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    return submitForm(event, 'end', async (data) => {
      const placement = await api(event, routes.endPlacement, {
        params: { id: text(data, 'placementId') },
        body: { endedOn: text(data, 'endedOn'), exitOutcome: text(data, 'exitOutcome') as never, exitDetail: optional(data, 'exitDetail') },
      });
      return { id: placement.id, name: `${placement.participant.firstName} ${placement.participant.lastName}`, followUpDue: placement.followUpDue };
    });
  },
  /** The situation six months after the exit. */
  followUp: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    return submitForm(event, 'followUp', async (data) => {
      const placement = await api(event, routes.recordFollowUp, {
        params: { id: text(data, 'placementId') },
        body: { followUpOn: text(data, 'followUpOn'), followUpOutcome: text(data, 'followUpOutcome') as never, followUpDetail: optional(data, 'followUpDetail') },
      });
      return { id: placement.id, name: `${placement.participant.firstName} ${placement.participant.lastName}`, followUpDue: null as string | null };
    });
  },
};
