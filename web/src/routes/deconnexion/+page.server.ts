import { redirect } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { apiFetch, SESSION_COOKIE } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (a link or an image on another site cannot sign anyone out).
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    if (event.locals.sessionToken) await apiFetch(event, routes.logout);
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/connexion?deconnecte');
  },
};
