import type { Role } from '@app/shared';

/** Each role has its home page; the French path is what people see in the address bar. */
export const homeOfRole: Record<Role, string> = {
  buyer: '/acheteur',
  facilitator: '/facilitateur',
  contractor: '/entreprise',
  admin: '/admin',
};
