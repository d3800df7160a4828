import { redirect } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { submitForm } from '$lib/server/forms';
import { participantBody, participantFormValues } from '$lib/server/participant-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  try {
    const participant = await api(event, routes.getParticipant, { params: { id: event.params.id } });
    return { participant, initial: participantFormValues(participant) };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const result = await submitForm(event, 'participant', (data) =>
      api(event, routes.updateParticipant, { params: { id: event.params.id }, body: participantBody(data) }),
    );
    if ('success' in result && result.success) redirect(303, `/facilitateur/participants/${event.params.id}?modifie`);
    return result;
  },
};
