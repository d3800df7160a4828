import { redirect } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { integer, leadingCode, optional, submitForm, text } from '$lib/server/forms';
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
        body: {
          lastName: text(data, 'lastName'),
          firstName: text(data, 'firstName'),
          birthDate: text(data, 'birthDate'),
          sex: text(data, 'sex'),
          email: optional(data, 'email'),
          phone: optional(data, 'phone'),
          communeCode: leadingCode(text(data, 'commune')),
          qpvStatus: text(data, 'qpvStatus'),
          qpvAddress: optional(data, 'qpvAddress'),
          qpvCheckedOn: optional(data, 'qpvCheckedOn'),
          educationLevel: text(data, 'educationLevel'),
          employmentStatusAtEntry: optional(data, 'employmentStatusAtEntry'),
          disability: text(data, 'disability') === 'yes' ? true : text(data, 'disability') === 'no' ? false : null,
          drivingLicence: text(data, 'drivingLicence') === 'yes',
          mobilityRadiusKm: integer(data, 'mobilityRadiusKm'),
          targetAppellationCodes: ['job1', 'job2'].map((f) => leadingCode(text(data, f))).filter((c) => c !== ''),
          availableFrom: text(data, 'availableFrom'),
        },
      }),
    );
    if ('success' in result && result.success) redirect(303, `/facilitateur/participants/${result.result.id}?inscrit`);
    return result;
  },
};
