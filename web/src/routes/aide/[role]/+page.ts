import { error } from '@sveltejs/kit';
import { helpOf } from '$lib/help';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
  const help = helpOf(params.role);
  if (!help) error(404, { message: 'Cette page d’aide n’existe pas.' });
  return { help };
};
