import { instanceOperator } from '$lib/server/instance';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ operator: instanceOperator() });
