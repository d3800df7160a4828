import { error, redirect } from '@sveltejs/kit';
import type { Role, SessionUser } from '@app/shared';

/** Pages of the (app) group: signed-in users only, and of the page's role. */
export function requireRole(locals: App.Locals, url: URL, role: Role): SessionUser {
  const user = locals.user;
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
  if (user.role !== role) error(403, { message: 'Cette page est réservée à un autre rôle.', code: 'forbidden' });
  return user;
}

/** Pages shared by several roles (the buyer's portfolio: the buyer and the facilitators it mandated). */
export function requireRoles(locals: App.Locals, url: URL, roles: readonly Role[]): SessionUser {
  const user = locals.user;
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname + url.search)}`);
  if (!roles.includes(user.role)) error(403, { message: 'Cette page est réservée à un autre rôle.', code: 'forbidden' });
  return user;
}
