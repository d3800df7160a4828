import Koa from 'koa';
import type { Next } from 'koa';
import type { Container } from '../container.js';
import type { AppContext, AppState } from './context.js';
import { requestContext } from './middleware/request-context.js';
import { problemJson } from './middleware/problem.js';
import { securityHeaders, sameOriginWrites } from './middleware/security.js';
import { jsonBody } from './middleware/body.js';
import { authenticate } from './middleware/authenticate.js';
import { buildRouter } from './router.js';
import { handlers } from './handlers/index.js';
import { errors } from '../application/errors.js';

/** Handler of the SvelteKit adapter-node build (req, res, next). */
export type WebHandler = (req: unknown, res: unknown, next: () => void) => void;

/** The Koa app, without listen: the server and the tests both use app.callback(). */
export function createApp(container: Container, options: { web?: WebHandler } = {}): Koa<AppState, AppContext> {
  const app = new Koa<AppState, AppContext>({ proxy: container.config.trustProxy });
  app.context.container = container;
  const router = buildRouter(handlers);
  app.use(securityHeaders);
  app.use(requestContext);
  app.use(problemJson);
  app.use(async (ctx: AppContext, next: Next) => {
    if (ctx.path.startsWith('/api')) return next();
    if (!options.web) return next();
    // Everything that is not /api is a page: hand the raw request to SvelteKit.
    ctx.respond = false;
    // SvelteKit compares form posts' Origin with the protocol it is told (see PROTOCOL_HEADER in server.ts).
    ctx.req.headers['x-forwarded-proto'] = ctx.protocol;
    const web = options.web;
    await new Promise<void>((resolve) => {
      ctx.res.on('close', resolve);
      web(ctx.req, ctx.res, () => {
        ctx.res.statusCode = 404;
        ctx.res.end();
      });
    });
  });
  app.use(sameOriginWrites);
  app.use(jsonBody);
  app.use(authenticate);
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: true, methodNotAllowed: () => errors.methodNotAllowed(), notImplemented: () => errors.methodNotAllowed() }));
  app.on('error', (err: unknown) => container.logger.error({ err }, 'erreur Koa'));
  return app;
}
