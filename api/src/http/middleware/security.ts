import type { Next } from 'koa';
import type { AppContext } from '../context.js';
import { errors } from '../../application/errors.js';

/** Security headers on every answer; pages get their CSP from SvelteKit, API answers a deny-all one. */
export async function securityHeaders(ctx: AppContext, next: Next): Promise<void> {
  ctx.set({
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  if (ctx.container.config.cookieSecure) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  if (ctx.path.startsWith('/api')) {
    ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    ctx.set('Cache-Control', 'no-store');
  }
  await next();
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF: the session cookie is SameSite=Lax, and a mutating API call must come from our own origin
 * (Origin / Sec-Fetch-Site) and carry JSON (or a raw file) — which an HTML form on another site cannot send —
 * or multipart on the routes that take files, whose cross-site posts the Origin check refuses.
 */
export async function sameOriginWrites(ctx: AppContext, next: Next): Promise<void> {
  if (ctx.path.startsWith('/api') && MUTATING.has(ctx.method)) {
    const origin = ctx.get('origin');
    // (Koa 3's ctx.origin echoes the Origin header: compare with our own protocol and host.)
    if (origin && origin !== `${ctx.protocol}://${ctx.host}`) throw errors.csrf();
    if (ctx.get('sec-fetch-site') === 'cross-site') throw errors.csrf();
    const hasBody = Number(ctx.get('content-length') || 0) > 0 || ctx.get('transfer-encoding') !== '';
    // A file upload is sent raw (application/octet-stream) or, for proofs, as multipart (the router refuses it elsewhere).
    if (hasBody && !ctx.is('application/json', 'application/octet-stream', 'multipart/form-data')) throw errors.unsupportedMediaType();
  }
  await next();
}
