import { routes, buildOpenApiDocument, type Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { errors } from '../../application/errors.js';

type SystemRoutes = Pick<Routes, 'health' | 'openapi'>;

export const systemHandlers: { [K in keyof SystemRoutes]: Handler<SystemRoutes[K]> } = {
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
};
