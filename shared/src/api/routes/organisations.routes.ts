import { defineRoute } from '../contract.js';
import { idParamsSchema } from '../../schemas/common.js';
import { createOrganisationInputSchema, organisationSchema } from '../../schemas/organisation.js';
import { allRoles, listOf } from './access.js';

export const organisationRoutes = {
  listOrganisations: defineRoute({
    method: 'GET', path: '/api/organisations', tag: 'Organisations',
    summary: 'Organisations visibles (toutes pour l’administrateur, la sienne sinon)',
    access: allRoles, response: listOf(organisationSchema), status: 200,
  }),
  getOrganisation: defineRoute({
    method: 'GET', path: '/api/organisations/:id', tag: 'Organisations', summary: 'Une organisation',
    access: allRoles, params: idParamsSchema, response: organisationSchema, status: 200,
  }),
  createOrganisation: defineRoute({
    method: 'POST', path: '/api/organisations', tag: 'Organisations', summary: 'Créer une organisation (administrateur)',
    access: ['admin'], body: createOrganisationInputSchema, response: organisationSchema, status: 201,
  }),
} as const;
