import { redirect } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { submitForm } from '$lib/server/forms';
import { participantBody } from '$lib/server/participant-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  return {};
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const result = await submitForm(event, 'participant', (data) =>
      api(event, routes.createParticipant, {
        body: participantBody(data),
      }),
    );
    if ('success' in result && result.success) redirect(303, `/facilitateur/participants/${result.result.id}?inscrit`);
    return result;
  },
};
