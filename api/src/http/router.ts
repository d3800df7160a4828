import Router from '@koa/router';
import type { z } from 'zod';
import { routes, type RouteContract, type Routes } from '@app/shared';
import type { Actor } from '../application/actor.js';
import { errors } from '../application/errors.js';
import type { AppContext } from './context.js';
import { readMultipart, type UploadedFile } from './middleware/multipart.js';
import { readUpload } from './upload.js';

type In<S> = S extends z.ZodType ? z.output<S> : undefined;
type Out<C extends RouteContract> = C['response'] extends z.ZodType ? z.input<C['response']> : void;

export interface HandlerInput<C extends RouteContract> {
  params: In<NonNullable<C['params']>>;
  query: In<NonNullable<C['query']>>;
  body: In<NonNullable<C['body']>>;
  /** The uploaded file, on routes that declare `upload`. */
  file: C['upload'] extends object ? Buffer : undefined;
  /** Non-null on every non-public route: the router has already checked the session and the role. */
  actor: C['access'] extends 'public' ? Actor | null : Actor;
  ctx: AppContext;
  /** Files of a multipart route, already on disk (removed by the router after the handler, unless moved). */
  files: UploadedFile[];
}

export type Handler<C extends RouteContract> = (input: HandlerInput<C>) => Promise<Out<C>>;
export type Handlers = { [K in keyof Routes]: Handler<Routes[K]> };

/**
 * Builds the router from the shared contracts: every route is authorized (401/403) and its params,
 * query and body parsed before its handler runs; the response is parsed with its schema too, which
 * also strips any field the contract does not declare (a whitelist for what leaves the API).
 * Upload routes receive their file after authorization (an anonymous upload is never read); download
 * routes set their own body.
 */
export function buildRouter(handlers: Handlers): Router<unknown, AppContext> {
  const router = new Router<unknown, AppContext>();
  for (const [name, route] of Object.entries(routes) as [keyof Routes, RouteContract][]) {
    const handler = handlers[name] as unknown as Handler<RouteContract>;
    router.register(route.path, [route.method], async (ctx) => {
      const actor = ctx.state.actor;
      if (route.access !== 'public') {
        if (!actor) throw errors.unauthenticated();
        if (!route.access.includes(actor.role)) throw errors.forbidden();
      }
      const params = route.params ? route.params.parse(ctx.params) : undefined;
      const query = route.query ? route.query.parse(Object.fromEntries(new URLSearchParams(ctx.querystring))) : undefined;
      if (!route.upload && ctx.is('application/octet-stream')) throw errors.unsupportedMediaType();
      const isMultipart = ctx.is('multipart/form-data');
      if (isMultipart && !route.multipart) throw errors.unsupportedMediaType();
      const multipart = isMultipart && route.multipart ? await readMultipart(ctx, route.multipart, ctx.container.proofs) : null;
      try {
        const raw = multipart ? multipart.data : (ctx.request as { body?: unknown }).body;
        const body = route.body ? route.body.parse(raw ?? {}) : undefined;
        const file = route.upload ? await readUpload(ctx, route.upload) : undefined;
        const result = await handler({ params, query, body, file, files: multipart?.files ?? [], actor, ctx } as never);
        ctx.status = route.status;
        if (route.response) {
          // A response that breaks its own contract is our bug, not the client's: 500, never a 400.
          const parsed = route.response.safeParse(result);
          if (!parsed.success) throw new Error(`Réponse non conforme au contrat ${String(name)} : ${parsed.error.message}`);
          ctx.body = parsed.data;
        }
      } finally {
        // A file the use case kept has been moved away: this only removes what it did not keep.
        for (const uploaded of multipart?.files ?? []) await ctx.container.proofs.remove(uploaded.path);
      }
    });
  }
  return router;
}
