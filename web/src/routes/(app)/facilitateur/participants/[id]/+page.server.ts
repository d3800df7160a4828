import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { PageServerLoad } from './$types';

/** The person's record: identity, eligibility (an audited read), and what happened since (an audited read too). */
export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  const params = { id: event.params.id };
  try {
    const [participant, eligibilities, record] = await Promise.all([
      api(event, routes.getParticipant, { params }),
      api(event, routes.listEligibilities, { params }),
      api(event, routes.getParticipantRecord, { params }),
    ]);
    const q = event.url.searchParams;
    return { participant, eligibilities: eligibilities.items, record, registered: q.has('inscrit'), updated: q.has('modifie'), validated: q.has('eligibilite') };
  } catch (e) {
    failLoad(e);
  }
};
