import { fail } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem, failLoad, fieldErrors } from '$lib/server/api';
import { requireRole } from '$lib/server/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireRole(event.locals, event.url, 'admin');
  try {
    const [organisations, users] = await Promise.all([api(event, routes.listOrganisations), api(event, routes.listUsers)]);
    const buyers = organisations.items.filter((o) => o.kind === 'buyer').map((o) => ({ id: o.id, name: o.name, siret: o.siret })).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return { user, organisations: organisations.items, users: users.items, buyers };
  } catch (e) {
    failLoad(e);
  }
};

/** Sends the form to the API; its problem (French message + field errors) comes back to the form. */
async function submit(event: Parameters<Actions[string]>[0], form: string, run: (data: FormData) => Promise<unknown>) {
  requireRole(event.locals, event.url, 'admin');
  const data = await event.request.formData();
  const values = Object.fromEntries([...data.entries()].filter(([k]) => k !== 'password').map(([k, v]) => [k, String(v)]));
  try {
    await run(data);
    return { form, success: true as const };
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    return fail(e.problem.status, { form, values, message: e.problem.detail ?? e.problem.title, errors: fieldErrors(e.problem) });
  }
}

export const actions: Actions = {
  createOrganisation: (event) =>
    submit(event, 'organisation', (data) =>
      api(event, routes.createOrganisation, {
        body: { kind: String(data.get('kind') ?? ''), name: String(data.get('name') ?? ''), siret: String(data.get('siret') ?? '') },
      }),
    ),
  createUser: (event) =>
    submit(event, 'user', (data) =>
      api(event, routes.createUser, {
        body: {
          organisationId: String(data.get('organisationId') ?? ''),
          fullName: String(data.get('fullName') ?? ''),
          email: String(data.get('email') ?? ''),
          password: String(data.get('password') ?? ''),
        },
      }),
    ),
};
