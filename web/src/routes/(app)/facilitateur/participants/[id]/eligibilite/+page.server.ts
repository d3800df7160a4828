import { redirect } from '@sveltejs/kit';
import { routes, type EligibilityInput } from '@app/shared';
import { api, apiMultipart, failLoad } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { optional, submitForm, text } from '$lib/server/forms';
import { parisToday } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'facilitator');
  try {
    const [participant, criteria] = await Promise.all([api(event, routes.getParticipant, { params: { id: event.params.id } }), api(event, routes.listEligibilityCriteria)]);
    return { participant, criteria: criteria.items, today: parisToday() };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  /** Eligibility: the checked criteria; the proof file (if any) backs the criterion chosen for it. */
  default: async (event) => {
    requireRole(event.locals, event.url, 'facilitator');
    const result = await submitForm(event, 'eligibility', async (data) => {
      const codes = data.getAll('criteria').map(String);
      const file = data.get('proof');
      const hasFile = file instanceof File && file.size > 0;
      const proofFor = text(data, 'proofFor') || codes[0];
      const body = {
        validatedAt: text(data, 'validatedAt'),
        validUntil: optional(data, 'validUntil'),
        exceptionReason: optional(data, 'exceptionReason'),
        criteria: codes.map((code) => ({
          code,
          proofFile: hasFile && code === proofFor ? 'proof-0' : null,
          proofDate: code === proofFor ? optional(data, 'proofDate') : null,
          proofValidUntil: code === proofFor ? optional(data, 'proofValidUntil') : null,
        })),
      } as EligibilityInput;
      await apiMultipart(event, routes.createEligibility, { params: { id: event.params.id }, data: body, files: hasFile ? { 'proof-0': file } : {} });
    });
    if ('success' in result && result.success) redirect(303, `/facilitateur/participants/${event.params.id}?eligibilite`);
    return result;
  },
};
