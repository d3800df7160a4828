import { fail } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, apiMultipart, ApiProblem, failLoad, fieldErrors } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import { text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireRole(event.locals, event.url, 'contractor');
  try {
    return { notices: (await api(event, routes.listContractorNotices)).items };
  } catch (e) {
    failLoad(e);
  }
};

export const actions: Actions = {
  answer: async (event) => {
    requireRole(event.locals, event.url, 'contractor');
    const data = await event.request.formData();
    const noticeId = text(data, 'noticeId');
    const files = data.getAll('fichiers').filter((f): f is File => f instanceof File && f.size > 0);
    try {
      await apiMultipart(event, routes.answerNotice, {
        params: { id: noticeId },
        data: { version: Number(text(data, 'version')), text: text(data, 'text') },
        files: Object.fromEntries(files.map((file, i) => [`fichier${i + 1}`, file])),
      });
      return { form: `answer-${noticeId}`, success: true, message: 'Réponse transmise à l’acheteur.' };
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      return fail(e.problem.status, { form: `answer-${noticeId}`, message: e.problem.detail ?? e.problem.title, errors: fieldErrors(e.problem), values: { text: text(data, 'text') } });
    }
  },
};
