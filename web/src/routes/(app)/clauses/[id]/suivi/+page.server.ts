import { fail } from '@sveltejs/kit';
import { eurosToCents, portfolioRoles, routes, type PenaltyModel } from '@app/shared';
import { api, ApiProblem, failLoad, fieldErrors } from '$lib/server/api';
import { requireRole, requireRoles } from '$lib/server/guards';
import { text } from '$lib/server/forms';
import { parisToday } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRoles(event.locals, event.url, portfolioRoles);
  const params = { id: event.params.id };
  try {
    const [clause, notices] = await Promise.all([api(event, routes.getClause, { params }), api(event, routes.listClauseNotices, { params })]);
    const contract = await api(event, routes.getContract, { params: { id: clause.contractId } });
    const lot = contract.lots.find((l) => l.id === clause.lotId)!;
    const kind = event.url.searchParams.get('courrier') === 'mise-en-demeure' ? 'formal_notice' : 'reminder';
    return { user, clause, contract, lot, notices: notices.items, today: parisToday(), kind: kind as 'reminder' | 'formal_notice' };
  } catch (e) {
    failLoad(e);
  }
};

/** An API refusal becomes the form's message and field errors (what was typed is kept). */
async function run(form: string, data: FormData, call: () => Promise<unknown>, done: string) {
  try {
    await call();
    return { form, success: true, message: done };
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    const values = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
    return fail(e.problem.status, { form, message: e.problem.detail ?? e.problem.title, errors: fieldErrors(e.problem), values });
  }
}

/** The penalty model chosen at the decision, or null for the clause's own. */
function modelFrom(data: FormData): PenaltyModel | null {
  const model = text(data, 'model');
  const value = text(data, 'modelValue');
  if (model === 'per_hour') return { model, rateCents: eurosToCents(value) ?? Number.NaN };
  if (model === 'smic_indexed') return { model, coefficient: Number(value.replace(',', '.')) };
  if (model === 'effort') return { model, hourlyCostCents: eurosToCents(value) ?? Number.NaN };
  return null;
}

export const actions: Actions = {
  send: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    const data = await event.request.formData();
    const kind = text(data, 'kind') === 'formal_notice' ? 'formal_notice' : 'reminder';
    return run(
      'send', data,
      () => api(event, routes.createNotice, {
        params: { id: event.params.id },
        body: { kind, sentOn: text(data, 'sentOn') || null, deadline: text(data, 'deadline') || null, body: text(data, 'body') },
      }),
      kind === 'formal_notice' ? 'Mise en demeure enregistrée : l’entreprise la voit dans son espace.' : 'Relance enregistrée : l’entreprise la voit dans son espace.',
    );
  },
  decide: async (event) => {
    requireRole(event.locals, event.url, 'buyer');
    const data = await event.request.formData();
    const outcome = text(data, 'outcome') === 'waiver' ? 'waiver' : 'penalty';
    const noticeId = text(data, 'noticeId');
    return run(
      `decide-${noticeId}`, data,
      () => api(event, routes.decideNotice, {
        params: { id: noticeId },
        body: { version: Number(text(data, 'version')), outcome, model: outcome === 'penalty' ? modelFrom(data) : null, reason: text(data, 'reason') || null },
      }),
      outcome === 'penalty' ? 'Pénalité enregistrée, avec sa formule.' : 'Exonération enregistrée, avec son motif.',
    );
  },
};
