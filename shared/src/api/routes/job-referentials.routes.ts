import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { appellationSchema, criterionSchema, jobSearchQuerySchema } from '../../schemas/job-referentials.js';
import { allRoles } from './access.js';

const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const jobReferentialRoutes = {
  searchAppellations: defineRoute({
    method: 'GET', path: '/api/rome/appellations', tag: 'Référentiels', summary: 'Métiers (appellations ROME de France Travail) par libellé ou code',
    access: allRoles, query: jobSearchQuerySchema, response: itemsOf(appellationSchema), status: 200,
  }),
  listEligibilityCriteria: defineRoute({
    method: 'GET', path: '/api/eligibility-criteria', tag: 'Référentiels', summary: 'Catalogue des critères d’éligibilité, avec justificatif et fraîcheur',
    access: allRoles, response: itemsOf(criterionSchema), status: 200,
  }),
} as const;
