import { fail, redirect } from '@sveltejs/kit';
import { loginInputSchema, problemSchema, routes } from '@app/shared';
import { apiFetch, fieldErrors, SESSION_COOKIE } from '$lib/server/api';
import { homeOfRole } from '$lib/roles';
import { env } from '$env/dynamic/private';
import type { Actions, PageServerLoad } from './$types';

/** Only local paths are followed after sign-in (no open redirect). */
const safeReturn = (value: string | null): string | null =>
  value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeReturn(url.searchParams.get('retour')) ?? homeOfRole[locals.user.role]);
  return { loggedOut: url.searchParams.has('deconnecte') };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '');
    const input = loginInputSchema.safeParse({ email, password: String(form.get('password') ?? '') });
    if (!input.success) {
      const errors: Record<string, string> = Object.fromEntries(input.error.issues.map((i) => [String(i.path[0]), i.message]));
      return fail(400, { email, message: 'Vérifiez les champs signalés.', errors });
    }
    const res = await apiFetch(event, routes.login, { body: input.data });
    if (!res.ok) {
      const problem = problemSchema.parse(await res.json());
      return fail(problem.status, { email, message: problem.detail ?? problem.title, errors: fieldErrors(problem) });
    }
    const body = routes.login.response.parse(await res.json());
    // The API set the session cookie on its answer to us; hand the same token to the browser.
    const token = res.headers
      .getSetCookie()
      .map((c) => c.match(new RegExp(`^${SESSION_COOKIE}=([^;]+)`))?.[1])
      .find(Boolean);
    if (!token) return fail(500, { email, message: 'La session n’a pas pu être ouverte.', errors: {} as Record<string, string> });
    event.cookies.set(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:' || env.COOKIE_SECURE === 'true',
      expires: new Date(body.expiresAt),
    });
    redirect(303, safeReturn(event.url.searchParams.get('retour')) ?? homeOfRole[body.user.role]);
  },
};
