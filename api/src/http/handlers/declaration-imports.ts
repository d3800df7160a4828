import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { confirmImport, getImport, listImports, previewImport } from '../../application/declarations/statement-import.js';
import { statementTemplate } from '../../application/declarations/statement-template.js';

type DeclarationImportRoutes = Pick<Routes, 'downloadStatementTemplate' | 'listStatementImports' | 'uploadStatement' | 'getStatementImport' | 'confirmStatementImport'>;

export const declarationImportHandlers: { [K in keyof DeclarationImportRoutes]: Handler<DeclarationImportRoutes[K]> } = {
  async downloadStatementTemplate({ ctx, actor, query }) {
    const template = await statementTemplate(ctx.em, actor, query.format, query.month, ctx.container.clock.today());
    ctx.type = template.mediaType;
    ctx.set('Content-Disposition', `attachment; filename="${template.fileName}"`);
    ctx.body = template.body;
  },
  listStatementImports: ({ ctx, actor }) => listImports(ctx.em, actor),
  uploadStatement: ({ ctx, actor, query, file }) => previewImport(ctx.em, actor, ctx.state.meta, query.fileName, file, ctx.container.clock.today()),
  getStatementImport: ({ ctx, actor, params, query }) => getImport(ctx.em, actor, params.id, query.page, query.errorsOnly === 'true'),
  confirmStatementImport: ({ ctx, actor, params }) => confirmImport(ctx.em, actor, ctx.state.meta, params.id, ctx.container.clock.today()),
};
