import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import { pageOf } from '../../schemas/fields.js';
import { clauseInputSchema, clauseListItemSchema, clauseListQuerySchema, clauseSchema, exportQuerySchema } from '../../schemas/clause.js';
import { purchaseOrderInputSchema } from '../../schemas/contract.js';
import { portfolioRoles } from './access.js';

export const clauseRoutes = {
  listClauses: defineRoute({
    method: 'GET', path: '/api/clauses', tag: 'Clauses', summary: 'Clauses d’insertion, avec recherche, filtres et pagination',
    access: portfolioRoles, query: clauseListQuerySchema, response: pageOf(clauseListItemSchema), status: 200,
  }),
  getClause: defineRoute({
    method: 'GET', path: '/api/clauses/:id', tag: 'Clauses', summary: 'Une clause : calcul des heures, historique, conformité',
    access: portfolioRoles, params: idParamsSchema, response: clauseSchema, status: 200,
  }),
  createClause: defineRoute({
    method: 'POST', path: '/api/lots/:id/clause', tag: 'Clauses', summary: 'Poser la clause d’insertion d’un lot (avec le calcul des heures)',
    access: portfolioRoles, params: idParamsSchema, body: clauseInputSchema, response: clauseSchema, status: 201,
  }),
  updateClause: defineRoute({
    method: 'PUT', path: '/api/clauses/:id', tag: 'Clauses', summary: 'Modifier une clause (dimensionner les heures, paramètres, facilitateur)',
    access: portfolioRoles, params: idParamsSchema, body: clauseInputSchema, response: clauseSchema, status: 200,
  }),
  createPurchaseOrder: defineRoute({
    method: 'POST', path: '/api/clauses/:id/orders', tag: 'Clauses',
    summary: 'Enregistrer un bon de commande d’accord-cadre (les heures requises sont réévaluées)',
    access: portfolioRoles, params: idParamsSchema, body: purchaseOrderInputSchema, response: clauseSchema, status: 201,
  }),
  exportClauses: defineRoute({
    method: 'GET', path: '/api/exports/clauses', tag: 'Clauses', summary: 'Exporter les clauses (CSV ou XLSX, en-têtes en français)',
    access: portfolioRoles, query: exportQuerySchema, response: null, status: 200,
    download: { mediaTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  }),
} as const;
