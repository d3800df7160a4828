import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { communeEntrySchema, cpvEntrySchema, cpvQuerySchema, parameterDefaultsSchema, referentialQuerySchema } from '../../schemas/referential.js';
import { allRoles } from './access.js';

export const referentialRoutes = {
  searchCpv: defineRoute({
    method: 'GET', path: '/api/referentials/cpv', tag: 'Référentiels', summary: 'Chercher un code CPV (code ou libellé français) ; les codes du corps d’état (`trade`) d’abord, les travaux sans corps d’état',
    access: allRoles, query: cpvQuerySchema, response: z.object({ items: z.array(cpvEntrySchema) }), status: 200,
  }),
  searchCommunes: defineRoute({
    method: 'GET', path: '/api/referentials/communes', tag: 'Référentiels', summary: 'Chercher une commune (nom, code INSEE ou code postal)',
    access: allRoles, query: referentialQuerySchema, response: z.object({ items: z.array(communeEntrySchema) }), status: 200,
  }),
  getParameterDefaults: defineRoute({
    method: 'GET', path: '/api/referentials/parameters', tag: 'Référentiels',
    summary: 'Paramètres par défaut du calcul des heures (part de main-d’œuvre par corps d’état, coût horaire, taux d’insertion) avec leur source',
    access: allRoles, response: parameterDefaultsSchema, status: 200,
  }),
} as const;
