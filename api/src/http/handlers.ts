import { routes, buildOpenApiDocument } from '@app/shared';
import type { Handlers } from './router.js';
import { login, logout, sessionUserOf } from '../application/auth.js';
import { listOrganisations, getOrganisation, createOrganisation } from '../application/organisations.js';
import { listUsers, createUser } from '../application/users.js';
import { SESSION_COOKIE } from '../infra/sessions.js';
import { errors } from '../application/errors.js';
import type { AppContext } from './context.js';

const sessionCookieOptions = (ctx: AppContext, expires?: Date) => {
  // Behind a TLS-terminating proxy the socket is plain HTTP: COOKIE_SECURE vouches for HTTPS.
  if (ctx.container.config.cookieSecure) ctx.cookies.secure = true;
  return {
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: ctx.container.config.cookieSecure || ctx.secure,
  path: '/',
  overwrite: true,
  ...(expires ? { expires } : {}),
  };
};

/** Thin handlers: input already parsed and authorized by the router; each one calls a use case. */
export const handlers: Handlers = {
  async health({ ctx }) {
    try {
      await ctx.em.getConnection().execute('select 1');
    } catch {
      throw errors.databaseUnavailable();
    }
    return { status: 'ok', database: 'ok', version: ctx.container.config.version };
  },
  async openapi({ ctx }) {
    return buildOpenApiDocument(routes, ctx.container.config.version);
  },
  async login({ body, ctx }) {
    const { token, ...result } = await login(ctx.em, body, ctx.state.meta, ctx.container.config.auth);
    ctx.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(ctx, new Date(result.expiresAt)));
    return result;
  },
  async logout({ ctx }) {
    await logout(ctx.em, ctx.cookies.get(SESSION_COOKIE));
    ctx.cookies.set(SESSION_COOKIE, '', { ...sessionCookieOptions(ctx), maxAge: 0 });
  },
  async me({ actor }) {
    return sessionUserOf(actor);
  },
  listOrganisations: ({ ctx, actor }) => listOrganisations(ctx.em, actor),
  getOrganisation: ({ ctx, actor, params }) => getOrganisation(ctx.em, actor, params.id),
  createOrganisation: ({ ctx, actor, body }) => createOrganisation(ctx.em, actor, ctx.state.meta, body),
  listUsers: ({ ctx, actor }) => listUsers(ctx.em, actor),
  createUser: ({ ctx, actor, body }) => createUser(ctx.em, actor, ctx.state.meta, body),
};
