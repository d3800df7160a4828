import { redirect } from '@sveltejs/kit';
import { homeOfRole } from '$lib/roles';
import type { PageServerLoad } from './$types';

/** The address of the site leads to the home page of one's role, or to sign-in. */
export const load: PageServerLoad = ({ locals }) => {
  redirect(303, locals.user ? homeOfRole[locals.user.role] : '/connexion');
};
