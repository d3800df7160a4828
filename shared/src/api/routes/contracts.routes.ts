import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import { pageOf } from '../../schemas/fields.js';
import {
  amendmentInputSchema, contractInputSchema, contractListQuerySchema, contractSchema, contractSummarySchema, heldLotSchema, lotInputSchema, lotSchema,
} from '../../schemas/contract.js';
import { listOf, lotReaders, portfolioRoles } from './access.js';

export const contractRoutes = {
  listContracts: defineRoute({
    method: 'GET', path: '/api/contracts', tag: 'Marchés', summary: 'Marchés, avec recherche, filtres et pagination',
    access: portfolioRoles, query: contractListQuerySchema, response: pageOf(contractSummarySchema), status: 200,
  }),
  getContract: defineRoute({
    method: 'GET', path: '/api/contracts/:id', tag: 'Marchés',
    summary: 'Un marché : ses lots, leurs clauses, les heures requises et la conformité',
    access: portfolioRoles, params: idParamsSchema, response: contractSchema, status: 200,
  }),
  createContract: defineRoute({
    method: 'POST', path: '/api/contracts', tag: 'Marchés', summary: 'Créer un marché (titulaires, cotraitants, sous-traitants déclarés)',
    access: ['buyer'], body: contractInputSchema, response: contractSchema, status: 201,
  }),
  updateContract: defineRoute({
    method: 'PUT', path: '/api/contracts/:id', tag: 'Marchés', summary: 'Modifier un marché',
    access: portfolioRoles, params: idParamsSchema, body: contractInputSchema, response: contractSchema, status: 200,
  }),
  createLot: defineRoute({
    method: 'POST', path: '/api/contracts/:id/lots', tag: 'Lots', summary: 'Ajouter un lot à un marché',
    access: portfolioRoles, params: idParamsSchema, body: lotInputSchema, response: lotSchema, status: 201,
  }),
  updateLot: defineRoute({
    method: 'PUT', path: '/api/lots/:id', tag: 'Lots', summary: 'Modifier un lot',
    access: portfolioRoles, params: idParamsSchema, body: lotInputSchema, response: lotSchema, status: 200,
  }),
  listLots: defineRoute({
    method: 'GET', path: '/api/lots', tag: 'Lots', summary: 'Lots tenus par l’entreprise (ou du portefeuille pour l’acheteur et le facilitateur)',
    access: lotReaders, response: listOf(heldLotSchema), status: 200,
  }),
  getLot: defineRoute({
    method: 'GET', path: '/api/lots/:id', tag: 'Lots', summary: 'Un lot (lecture seule pour l’entreprise titulaire)',
    access: lotReaders, params: idParamsSchema, response: heldLotSchema, status: 200,
  }),
  createAmendment: defineRoute({
    method: 'POST', path: '/api/lots/:id/amendments', tag: 'Lots',
    summary: 'Enregistrer un avenant (variation du montant, effet sur les heures requises)',
    access: portfolioRoles, params: idParamsSchema, body: amendmentInputSchema, response: lotSchema, status: 201,
  }),
} as const;
