import { error, fail, redirect } from '@sveltejs/kit';
import {
  addMonthsToMonth, centsToEurosInput, isValidYearMonth, minutesToHoursInput, placementMonthRange, proofKinds, routes, SUBCONTRACT_MODALITIES,
  type Declaration, type ProofKind,
} from '@app/shared';
import { api, ApiProblem, apiMultipart, failLoad, fieldErrors } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { typedValues } from '$lib/server/forms';
import { readHoursForm } from '$lib/server/declaration-form';
import { parisToday } from '$lib/dates';
import { NOTHING_TO_DECLARE } from '$lib/declarations';
import type { Actions, PageServerLoad } from './$types';

/** A declaration's hours as the form shows them ("même chose que le mois dernier"). */
const formValues = (d: Declaration): Record<string, string> => ({
  workedHours: minutesToHoursInput(d.workedMinutes),
  trainingHours: d.trainingMinutes == null ? '' : minutesToHoursInput(d.trainingMinutes),
  attestedHours: d.attestedMinutes == null ? '' : minutesToHoursInput(d.attestedMinutes),
  invoiceAmount: d.invoiceCents == null ? '' : centsToEurosInput(d.invoiceCents),
  comment: '',
});

/**
 * With a placement: the month's form (hours, proof, "rien à déclarer", "même chose que le mois
 * dernier"). Without one (the link of a reminder e-mail, a month of the to-do list): the people to
 * declare for the month, each a link to its form.
 */
export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  const placementId = event.url.searchParams.get('placement');
  const asked = event.url.searchParams.get('mois') ?? '';
  const month = isValidYearMonth(asked) ? asked : addMonthsToMonth(parisToday().slice(0, 7), -1);
  try {
    const placements = (await api(event, routes.listContractorPlacements)).items;
    if (!placementId) {
      const due = placements
        .filter((p) => placementMonthRange({ startDate: p.startDate, endDate: p.endDate }, month) !== null)
        .map((p) => ({ placement: p, recorded: p.months.find((m) => m.month === month) ?? null }));
      return { mode: 'choose' as const, month, due };
    }
    const placement = placements.find((p) => p.id === placementId);
    if (!placement) error(404, { message: 'Mise en poste introuvable : choisissez la personne dans la liste.', code: 'not_found' });
    const recorded = placement.months.find((m) => m.month === month);
    if (recorded?.declarationId) redirect(303, `/entreprise/declarations/${recorded.declarationId}`);
    const previousMonth = addMonthsToMonth(month, -1);
    const [previous] = (await api(event, routes.listDeclarations, { query: { placementId, month: previousMonth } })).items;
    const reuse = event.url.searchParams.has('reprendre') && previous ? formValues(previous) : null;
    return {
      mode: 'form' as const, placement, month, subcontract: SUBCONTRACT_MODALITIES.includes(placement.modality),
      previous: previous ? { month: previousMonth, values: formValues(previous) } : null, reuse,
    };
  } catch (e) {
    failLoad(e);
  }
};

const problem = (e: unknown, values: Record<string, string>) => {
  if (!(e instanceof ApiProblem)) throw e;
  return fail(e.problem.status, { message: e.problem.detail ?? e.problem.title, errors: fieldErrors(e.problem), values });
};

export const actions: Actions = {
  default: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    const data = await event.request.formData();
    const values = typedValues(data);
    const intent = String(data.get('intent'));
    const placementId = String(data.get('placementId'));
    const month = String(data.get('month'));

    if (intent === 'nothing') {
      let id: string;
      try {
        const body = { placementId, month, workedMinutes: 0, comment: NOTHING_TO_DECLARE, submit: true };
        id = (await api(event, routes.createDeclaration, { body })).id;
      } catch (e) {
        return problem(e, values);
      }
      redirect(303, `/entreprise/declarations/${id}?enregistree`);
    }

    const { input, errors } = readHoursForm(data);
    const file = data.get('file');
    const hasFile = file instanceof File && file.size > 0;
    const kind = String(data.get('kind'));
    const declaresHours = input.workedMinutes > 0 || !!input.trainingMinutes || !!input.attestedMinutes || !!input.invoiceCents;
    // Told before transmitting, not after: the facilitator cannot validate a month without its proof.
    if (intent === 'submit' && !hasFile && data.get('proofRequired') === 'true' && declaresHours) {
      errors.file = 'Joignez le justificatif (bulletin de salaire, relevé de mission, attestation ou facture) : sans lui, le facilitateur ne peut pas valider ces heures. Vous pouvez aussi enregistrer un brouillon.';
    }
    if (hasFile && !proofKinds.includes(kind as ProofKind)) errors.kind = 'Choisissez le type de justificatif.';
    if (Object.keys(errors).length) return fail(400, { message: 'Vérifiez les champs signalés.', errors, values });

    let declaration: Declaration;
    try {
      // With a file: a draft first, then its proof, then the transmission — a refused file never leaves a transmitted month without proof.
      declaration = await api(event, routes.createDeclaration, { body: { placementId, month, ...input, submit: intent === 'submit' && !hasFile } });
    } catch (e) {
      return problem(e, values);
    }
    if (hasFile) {
      try {
        await apiMultipart(event, routes.addDeclarationProofs, { params: { id: declaration.id }, data: { kind }, files: { fichier: file } });
        if (intent === 'submit') await api(event, routes.submitDeclaration, { params: { id: declaration.id }, body: { version: declaration.version } });
      } catch (e) {
        if (!(e instanceof ApiProblem)) throw e;
        redirect(303, `/entreprise/declarations/${declaration.id}?probleme=${encodeURIComponent(e.problem.detail ?? e.problem.title)}`);
      }
    }
    redirect(303, `/entreprise/declarations/${declaration.id}?enregistree`);
  },
};
