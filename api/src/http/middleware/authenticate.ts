import type { Next } from 'koa';
import type { AppContext } from '../context.js';
import { actorForToken, SESSION_COOKIE } from '../../infra/sessions.js';

/** Resolves the session cookie into ctx.state.actor (null when absent or expired); authorization happens per route. */
export async function authenticate(ctx: AppContext, next: Next): Promise<void> {
  if (ctx.path.startsWith('/api')) {
    const token = ctx.cookies.get(SESSION_COOKIE);
    ctx.state.actor = token ? await actorForToken(ctx.em, token) : null;
  }
  await next();
}
