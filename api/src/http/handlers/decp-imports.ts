import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { confirmDecpImport, getDecpImport, listDecpImports, previewDecpImport } from '../../application/decp/decp-imports.js';

type DecpRoutes = Pick<Routes, 'previewDecpImport' | 'listDecpImports' | 'getDecpImport' | 'confirmDecpImport'>;

export const decpImportHandlers: { [K in keyof DecpRoutes]: Handler<DecpRoutes[K]> } = {
  previewDecpImport: ({ ctx, actor, query, file }) => previewDecpImport(ctx.em, actor, ctx.state.meta, file, query.filename),
  listDecpImports: ({ ctx, actor }) => listDecpImports(ctx.em, actor),
  getDecpImport: ({ ctx, actor, params }) => getDecpImport(ctx.em, actor, params.id),
  confirmDecpImport: ({ ctx, actor, params }) => confirmDecpImport(ctx.em, actor, ctx.state.meta, params.id, ctx.container.clock.today()),
};
