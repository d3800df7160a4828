import type { Role } from '@app/shared';

/** Each role has its home page; the French path is what people see in the address bar. */
export const homeOfRole: Record<Role, string> = {
  buyer: '/acheteur',
  facilitator: '/facilitateur',
  contractor: '/entreprise',
  admin: '/admin',
};

/** "Comment ça marche" of each role (public pages, linked from the home page and the navigation). */
export const helpOfRole: Record<Role, string> = {
  buyer: '/aide/acheteur',
  facilitator: '/aide/facilitateur',
  contractor: '/aide/entreprise',
  admin: '/aide/administrateur',
};
