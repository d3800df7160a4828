import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import { operationInputSchema, operationSchema } from '../../schemas/operation.js';
import { pageOf, paginationQuery, queryText, queryUuid } from '../../schemas/fields.js';
import { portfolioRoles } from './access.js';

export const operationRoutes = {
  listOperations: defineRoute({
    method: 'GET', path: '/api/operations', tag: 'Opérations', summary: 'Opérations (programmes qui regroupent des marchés)',
    access: portfolioRoles, query: z.strictObject({ q: queryText(), buyerId: queryUuid, ...paginationQuery }),
    response: pageOf(operationSchema), status: 200,
  }),
  getOperation: defineRoute({
    method: 'GET', path: '/api/operations/:id', tag: 'Opérations', summary: 'Une opération',
    access: portfolioRoles, params: idParamsSchema, response: operationSchema, status: 200,
  }),
  createOperation: defineRoute({
    method: 'POST', path: '/api/operations', tag: 'Opérations', summary: 'Créer une opération',
    access: ['buyer'], body: operationInputSchema, response: operationSchema, status: 201,
  }),
  updateOperation: defineRoute({
    method: 'PUT', path: '/api/operations/:id', tag: 'Opérations', summary: 'Modifier une opération',
    access: portfolioRoles, params: idParamsSchema, body: operationInputSchema, response: operationSchema, status: 200,
  }),
} as const;
