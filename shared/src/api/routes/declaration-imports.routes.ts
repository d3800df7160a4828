import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import {
  IMPORT_MAX_BYTES,
  declarationImportDetailSchema,
  declarationImportSchema,
  importCommitResultSchema,
  importDetailQuerySchema,
  importUploadQuerySchema,
  templateQuerySchema,
} from '../../schemas/declaration-import.js';
import { listOf } from './access.js';

export const declarationImportRoutes = {
  downloadStatementTemplate: defineRoute({
    method: 'GET', path: '/api/declaration-imports/template', tag: 'Imports de relevés',
    summary: 'Modèle de relevé mensuel (XLSX ou CSV), pré-rempli avec les personnes en poste le mois choisi',
    access: ['contractor'], query: templateQuerySchema, response: null, status: 200,
    download: { mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'] },
  }),
  listStatementImports: defineRoute({
    method: 'GET', path: '/api/declaration-imports', tag: 'Imports de relevés', summary: 'Relevés déposés par l’entreprise (50 derniers)',
    access: ['contractor'], response: listOf(declarationImportSchema), status: 200,
  }),
  uploadStatement: defineRoute({
    method: 'POST', path: '/api/declaration-imports', tag: 'Imports de relevés',
    summary: 'Déposer un relevé (XLSX ou CSV, ≤ 20 Mo, envoyé tel quel) : chaque ligne est lue et contrôlée, l’aperçu est conservé',
    access: ['contractor'], query: importUploadQuerySchema, response: declarationImportSchema, status: 201,
    upload: { maxBytes: IMPORT_MAX_BYTES, label: 'Le relevé' },
  }),
  getStatementImport: defineRoute({
    method: 'GET', path: '/api/declaration-imports/:id', tag: 'Imports de relevés', summary: 'Aperçu d’un relevé déposé, ligne par ligne (200 lignes par page)',
    access: ['contractor'], params: idParamsSchema, query: importDetailQuerySchema, response: declarationImportDetailSchema, status: 200,
  }),
  confirmStatementImport: defineRoute({
    method: 'POST', path: '/api/declaration-imports/:id/confirm', tag: 'Imports de relevés',
    summary: 'Enregistrer exactement l’aperçu, en une transaction (tout ou rien, sans effet si rien n’a changé)',
    access: ['contractor'], params: idParamsSchema, response: importCommitResultSchema, status: 200,
  }),
} as const;
