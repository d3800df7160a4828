import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { optional, submitForm, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  try {
    return { proposals: (await api(event, routes.listContractorProposals)).items };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  /** Accept or decline (the reason is required to decline: the API says so in French). */
  answer: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    return submitForm(event, 'answer', async (data) => {
      const proposal = await api(event, routes.answerProposal, {
        params: { id: text(data, 'proposalId') },
        body: { version: Number(text(data, 'version')), decision: text(data, 'decision') as 'accept' | 'decline', reason: optional(data, 'reason') },
      });
      return { id: proposal.id, name: proposal.candidate.displayName, status: proposal.status };
    });
  },
};
