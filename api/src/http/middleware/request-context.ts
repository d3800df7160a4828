import { randomUUID } from 'node:crypto';
import { RequestContext } from '@mikro-orm/core';
import type { Next } from 'koa';
import type { AppContext } from '../context.js';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Request id (kept from X-Request-Id when sane), client address, per-request logger and identity map. */
export async function requestContext(ctx: AppContext, next: Next): Promise<void> {
  const incoming = ctx.get('x-request-id');
  const requestId = SAFE_ID.test(incoming) ? incoming : randomUUID();
  ctx.set('X-Request-Id', requestId);
  const { config, logger, orm } = ctx.container;
  // The web server calls the API over loopback and vouches for the browser's address with the internal token.
  const vouched = ctx.get('x-internal-token') === config.internalToken && ctx.get('x-client-ip');
  const ip = (vouched || ctx.ip || 'inconnue').slice(0, 64);
  ctx.state.requestId = requestId;
  ctx.state.actor = null;
  ctx.state.meta = { requestId, ip, userAgent: ctx.get('user-agent') || null };
  ctx.state.log = logger.child({ requestId });
  const started = performance.now();
  const em = orm.em.fork();
  ctx.em = em;
  try {
    await RequestContext.create(em, next);
  } finally {
    if (ctx.path.startsWith('/api')) {
      ctx.state.log.info(
        {
          method: ctx.method, path: ctx.path, status: ctx.status,
          ms: Math.round(performance.now() - started), userId: (ctx.state.actor as { userId: string } | null)?.userId,
        },
        'requête',
      );
    }
  }
}
