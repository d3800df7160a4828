import type { LayoutServerLoad } from './$types';

/** Who is signed in (or nobody): every page, error pages included, shows the same header. */
export const load: LayoutServerLoad = ({ locals }) => ({ user: locals.user });
