import { fail } from '@sveltejs/kit';
import { proofKinds, routes, type ProofKind } from '@app/shared';
import { api, apiFetch, ApiProblem, apiMultipart, failLoad, fieldErrors } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { typedValues } from '$lib/server/forms';
import { readHoursForm } from '$lib/server/declaration-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  const params = { id: event.params.id };
  try {
    const [declaration, history] = await Promise.all([api(event, routes.getDeclaration, { params }), api(event, routes.getDeclarationHistory, { params })]);
    return { declaration, history: history.items, saved: event.url.searchParams.has('enregistree'), problem: event.url.searchParams.get('probleme') };
  } catch (e) {
    failLoad(e);
  }
};

const problem = (form: string, e: unknown, values: Record<string, string> = {}) => {
  if (!(e instanceof ApiProblem)) throw e;
  return fail(e.problem.status, { form, message: e.problem.detail ?? e.problem.title, errors: fieldErrors(e.problem), values });
};

export const actions: Actions = {
  update: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    const data = await event.request.formData();
    const values = typedValues(data);
    const { input, errors } = readHoursForm(data);
    if (Object.keys(errors).length) return fail(400, { form: 'update', message: 'Vérifiez les champs signalés.', errors, values });
    try {
      await api(event, routes.updateDeclaration, {
        params: { id: event.params.id },
        body: { version: Number(data.get('version')), ...input, submit: data.get('intent') === 'submit' },
      });
      return { form: 'update', success: true, message: data.get('intent') === 'submit' ? 'Déclaration transmise.' : 'Brouillon enregistré.' };
    } catch (e) {
      return problem('update', e, values);
    }
  },
  submit: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    const data = await event.request.formData();
    try {
      await api(event, routes.submitDeclaration, { params: { id: event.params.id }, body: { version: Number(data.get('version')) } });
      return { form: 'submit', success: true, message: 'Déclaration transmise au facilitateur.' };
    } catch (e) {
      return problem('submit', e);
    }
  },
  addProof: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    const data = await event.request.formData();
    const file = data.get('file');
    const kind = String(data.get('kind'));
    if (!(file instanceof File) || file.size === 0) return fail(400, { form: 'proof', message: 'Choisissez un fichier (PDF, JPEG ou PNG).', errors: {}, values: {} });
    if (!proofKinds.includes(kind as ProofKind)) return fail(400, { form: 'proof', message: 'Choisissez le type de justificatif.', errors: {}, values: {} });
    try {
      await apiMultipart(event, routes.addDeclarationProofs, { params: { id: event.params.id }, data: { kind }, files: { fichier: file } });
      return { form: 'proof', success: true, message: 'Justificatif joint.' };
    } catch (e) {
      return problem('proof', e);
    }
  },
  removeProof: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    const data = await event.request.formData();
    const res = await apiFetch(event, routes.deleteDeclarationProof, { params: { id: event.params.id, proofId: String(data.get('proofId')) } });
    if (!res.ok) return fail(res.status, { form: 'proof', message: 'Le justificatif n’a pas pu être retiré.', errors: {}, values: {} });
    return { form: 'proof', success: true, message: 'Justificatif retiré.' };
  },
};
