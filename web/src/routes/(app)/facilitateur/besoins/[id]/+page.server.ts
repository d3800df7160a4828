import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { optional, submitForm, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  try {
    const params = { id: event.params.id };
    const [ranked, proposals] = await Promise.all([api(event, routes.listCandidates, { params }), api(event, routes.listNeedProposals, { params })]);
    return { ...ranked, proposals: proposals.items, created: event.url.searchParams.has('cree') };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  /** « Proposer à l’entreprise » : the candidate whose button was pressed goes to the lot's contractor. */
  propose: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    return submitForm(event, 'proposal', async (data) => {
      const proposal = await api(event, routes.proposeCandidate, { params: { id: event.params.id }, body: { participantId: text(data, 'participantId') } });
      return { name: `${proposal.participant.firstName} ${proposal.participant.lastName}` };
    });
  },
  withdraw: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    return submitForm(event, 'withdraw', async (data) => {
      const proposal = await api(event, routes.withdrawProposal, { params: { id: text(data, 'proposalId') }, body: { version: Number(text(data, 'version')) } });
      return { name: `${proposal.participant.firstName} ${proposal.participant.lastName}` };
    });
  },
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
