import type { Handle, HandleServerError } from '@sveltejs/kit';
import { routes } from '@app/shared';
import { api, ApiProblem, SESSION_COOKIE } from '$lib/server/api';

/** Fills locals.user from the session cookie by asking the API (the API is the only judge of a session). */
export const handle: Handle = async ({ event, resolve }) => {
  event.locals.sessionToken = event.cookies.get(SESSION_COOKIE) ?? null;
  event.locals.user = null;
  if (event.locals.sessionToken) {
    try {
      event.locals.user = await api(event, routes.me);
    } catch (e) {
      if (!(e instanceof ApiProblem && e.problem.status === 401)) throw e;
      event.cookies.delete(SESSION_COOKIE, { path: '/' });
      event.locals.sessionToken = null;
    }
  }
  return resolve(event);
};

export const handleError: HandleServerError = ({ error, event, status }) => {
  const requestId = crypto.randomUUID();
  console.error(JSON.stringify({ level: 'error', requestId, path: event.url.pathname, status, error: String((error as Error)?.stack ?? error) }));
  return { message: 'Une erreur inattendue est survenue.', requestId };
};
