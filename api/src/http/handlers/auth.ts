import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import type { AppContext } from '../context.js';
import { login, logout, sessionUserOf } from '../../application/auth.js';
import { SESSION_COOKIE } from '../../infra/sessions.js';

type AuthRoutes = Pick<Routes, 'login' | 'logout' | 'me'>;

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

export const authHandlers: { [K in keyof AuthRoutes]: Handler<AuthRoutes[K]> } = {
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
};
