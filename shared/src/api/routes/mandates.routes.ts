import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import { mandateInputSchema, mandateSchema } from '../../schemas/mandate.js';
import { listOf, portfolioRoles } from './access.js';

export const mandateRoutes = {
  listMandates: defineRoute({
    method: 'GET', path: '/api/mandates', tag: 'Mandats',
    summary: 'Mandats de facilitation (ceux donnés par l’acheteur, ou reçus par la structure de facilitation)',
    access: portfolioRoles, response: listOf(mandateSchema), status: 200,
  }),
  createMandate: defineRoute({
    method: 'POST', path: '/api/mandates', tag: 'Mandats', summary: 'Mandater une structure de facilitation (par son SIRET)',
    access: ['buyer'], body: mandateInputSchema, response: mandateSchema, status: 201,
  }),
  deleteMandate: defineRoute({
    method: 'DELETE', path: '/api/mandates/:id', tag: 'Mandats', summary: 'Retirer un mandat de facilitation',
    access: ['buyer'], params: idParamsSchema, response: null, status: 204,
  }),
} as const;
