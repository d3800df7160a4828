import { error, redirect } from '@sveltejs/kit';
import { CLAUSE_TYPES, CRITERION_CODES, parseInteger, percentToRate, eurosToCents, portfolioRoles, routes, type ClauseSettingsInput } from '@app/shared';
import { api, failLoad } from '$lib/server/api';
import { requireRoles } from '$lib/server/guards';
import { checked, submit, text } from '$lib/server/forms';
import { parisToday } from '$lib/server/portfolio';
import { METHOD_FIELD_OF, methodFromFields, type MethodChoice } from '$lib/hours-method-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, portfolioRoles);
  try {
    const held = await api(event, routes.getLot, { params: { id: event.params.id } });
    const [contract, mandates, defaults] = await Promise.all([
      api(event, routes.getContract, { params: { id: held.contract.id } }),
      api(event, routes.listMandates),
      api(event, routes.getParameterDefaults),
    ]);
    const lot = contract.lots.find((l) => l.id === event.params.id);
    if (!lot) error(404, { message: 'Lot introuvable.' });
    const facilitators = mandates.items.filter((m) => m.buyer.id === contract.buyer.id).map((m) => m.facilitator);
    return { user, contract, lot, facilitators, defaults, today: parisToday() };
  } catch (e) {
    failLoad(e);
  }
};

/** "" → default (undefined), a number when it reads as one, else the text (the API names the field). */
const num = (data: FormData, name: string, convert: (t: string) => number | null) => {
  const t = text(data, name);
  return t === '' ? null : (convert(t) ?? t);
};

function settingsFrom(data: FormData): ClauseSettingsInput {
  const model = text(data, 'penaltyModel');
  const penaltyValue = text(data, 'penaltyValue');
  const penalty =
    model === 'per_hour' ? { model, rateCents: eurosToCents(penaltyValue) ?? penaltyValue }
    : model === 'smic_indexed' ? { model, coefficient: Number(penaltyValue.replace(',', '.')) }
    : model === 'effort' ? { model, hourlyCostCents: eurosToCents(penaltyValue) ?? penaltyValue }
    : model === 'late_report' ? { model, ratePerDayCents: eurosToCents(penaltyValue) ?? penaltyValue, noticeDays: parseInteger(text(data, 'noticeDays')) ?? 15 }
    : null;
  return {
    deadlineDay: num(data, 'deadlineDay', parseInteger) ?? undefined,
    eligibilityGraceDays: num(data, 'eligibilityGraceDays', parseInteger) ?? undefined,
    trainingCounted: checked(data, 'trainingCounted'),
    trainingCapRate: num(data, 'trainingCap', percentToRate),
    participantWindowMonths: num(data, 'participantWindowMonths', parseInteger),
    endGraceDays: num(data, 'endGraceDays', parseInteger) ?? undefined,
    penalty,
    penaltyCapRate: num(data, 'penaltyCap', percentToRate),
  } as ClauseSettingsInput;
}

export const actions: Actions = {
  default: async (event) => {
    requireRoles(event.locals, event.url, portfolioRoles);
    const data = await event.request.formData();
    const fields = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
    const body = {
      type: text(data, 'type') as (typeof CLAUSE_TYPES)[number],
      method: methodFromFields(text(data, 'method') as MethodChoice, fields),
      startDate: text(data, 'startDate') || null,
      endDate: text(data, 'endDate') || null,
      targetPublics: data.getAll('targetPublics').map(String).filter((c) => (CRITERION_CODES as readonly string[]).includes(c)) as (typeof CRITERION_CODES)[number][],
      facilitatorId: text(data, 'facilitatorId') || null,
      settings: settingsFrom(data),
      waived: checked(data, 'waived'),
    };
    const clauseId = text(data, 'clauseId');
    const result = await submit(data, () =>
      clauseId
        ? api(event, routes.updateClause, { params: { id: clauseId }, body: body as never })
        : api(event, routes.createClause, { params: { id: event.params.id }, body: body as never }),
    );
    if ('id' in result) redirect(303, `/marches/${result.contractId}?clause=${result.id}#lot-${text(data, 'lotNumber')}`);
    result.data.errors = Object.fromEntries(
      Object.entries(result.data.errors).map(([path, message]) => [METHOD_FIELD_OF[path] ?? path.replace(/^settings\./, ''), message]),
    );
    return result;
  },
};
