import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import { DECP_MAX_BYTES, decpImportSchema, decpImportSummarySchema, decpUploadQuerySchema } from '../../schemas/decp-import.js';
import { listOf } from './access.js';

export const decpImportRoutes = {
  previewDecpImport: defineRoute({
    method: 'POST', path: '/api/decp-imports', tag: 'Import DECP',
    summary: 'Déposer un fichier DECP (JSON 2019 ou 2022, XML 2022) et obtenir l’aperçu de l’import',
    access: ['buyer'], query: decpUploadQuerySchema, response: decpImportSchema, status: 201,
    upload: { maxBytes: DECP_MAX_BYTES, label: 'Fichier DECP' },
  }),
  listDecpImports: defineRoute({
    method: 'GET', path: '/api/decp-imports', tag: 'Import DECP', summary: 'Imports DECP de l’organisation',
    access: ['buyer'], response: listOf(decpImportSummarySchema), status: 200,
  }),
  getDecpImport: defineRoute({
    method: 'GET', path: '/api/decp-imports/:id', tag: 'Import DECP', summary: 'Un import DECP : aperçu, avancement, résultat',
    access: ['buyer'], params: idParamsSchema, response: decpImportSchema, status: 200,
  }),
  confirmDecpImport: defineRoute({
    method: 'POST', path: '/api/decp-imports/:id/confirm', tag: 'Import DECP', summary: 'Confirmer l’import (idempotent)',
    access: ['buyer'], params: idParamsSchema, response: decpImportSchema, status: 200,
  }),
} as const;
