import { loadHome } from '$lib/server/home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadHome(event, 'buyer');
