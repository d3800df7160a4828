import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { appellationSchema, communeSchema, criterionSchema, searchQuerySchema } from '../../schemas/referential.js';
import { allRoles } from './access.js';

const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const referentialRoutes = {
  searchCommunes: defineRoute({
    method: 'GET', path: '/api/communes', tag: 'Référentiels', summary: 'Communes (liste officielle) par nom ou code postal, pour l’autocomplétion',
    access: allRoles, query: searchQuerySchema, response: itemsOf(communeSchema), status: 200,
  }),
  searchAppellations: defineRoute({
    method: 'GET', path: '/api/rome/appellations', tag: 'Référentiels', summary: 'Métiers (appellations ROME de France Travail) par libellé ou code',
    access: allRoles, query: searchQuerySchema, response: itemsOf(appellationSchema), status: 200,
  }),
  listEligibilityCriteria: defineRoute({
    method: 'GET', path: '/api/eligibility-criteria', tag: 'Référentiels', summary: 'Catalogue des critères d’éligibilité, avec justificatif et fraîcheur',
    access: allRoles, response: itemsOf(criterionSchema), status: 200,
  }),
} as const;
