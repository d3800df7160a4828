import { error, fail, redirect } from '@sveltejs/kit';
import { addMonthsToMonth, isValidYearMonth, routes, SUBCONTRACT_MODALITIES } from '@app/shared';
import { api, ApiProblem, failLoad, fieldErrors } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { typedValues } from '$lib/server/forms';
import { readHoursForm } from '$lib/server/declaration-form';
import { parisToday } from '$lib/dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  const placementId = event.url.searchParams.get('placement');
  const asked = event.url.searchParams.get('mois') ?? '';
  const month = isValidYearMonth(asked) ? asked : addMonthsToMonth(parisToday().slice(0, 7), -1);
  try {
    const placements = await api(event, routes.listContractorPlacements);
    const placement = placements.items.find((p) => p.id === placementId);
    if (!placement) error(404, { message: 'Mise en poste introuvable : choisissez la personne dans la liste.', code: 'not_found' });
    return { placement, month, subcontract: SUBCONTRACT_MODALITIES.includes(placement.modality) };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    const data = await event.request.formData();
    const values = typedValues(data);
    const { input, errors } = readHoursForm(data);
    if (Object.keys(errors).length) return fail(400, { message: 'Vérifiez les champs signalés.', errors, values });
    let id: string;
    try {
      const declaration = await api(event, routes.createDeclaration, {
        body: { placementId: String(data.get('placementId')), month: String(data.get('month')), ...input, submit: data.get('intent') === 'submit' },
      });
      id = declaration.id;
    } catch (e) {
      if (e instanceof ApiProblem) return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title, errors: fieldErrors(e.problem), values });
      throw e;
    }
    redirect(303, `/entreprise/declarations/${id}?enregistree`);
  },
};
