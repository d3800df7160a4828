import { z } from '../../schemas/locale.js';
import { defineRoute } from '../contract.js';
import { queryText, queryUuid } from '../../schemas/fields.js';
import { listParticipantsQuerySchema } from '../../schemas/participant.js';
import { contractListQuerySchema } from '../../schemas/contract.js';
import { declarationListQuerySchema } from '../../schemas/declaration.js';
import { listExportQuerySchema } from '../../schemas/reporting.js';
import { portfolioRoles } from './access.js';

const download = { mediaTypes: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } as const;
const format = z.enum(['csv', 'xlsx'], { error: 'Format d’export inconnu (csv ou xlsx).' }).default('xlsx');

/** The lists' exports: same access and filters as the list, every row (not one page), French headers. */
export const exportRoutes = {
  exportParticipants: defineRoute({
    method: 'GET', path: '/api/exports/participants', tag: 'Exports', summary: 'Exporter les participants suivis (CSV ou XLSX, sans critères d’éligibilité)',
    access: ['facilitator'], query: listParticipantsQuerySchema.omit({ page: true }).extend({ format }), response: null, status: 200, download,
  }),
  exportPlacements: defineRoute({
    method: 'GET', path: '/api/exports/placements', tag: 'Exports', summary: 'Exporter les mises en poste (CSV ou XLSX)',
    access: ['facilitator', 'contractor'], query: listExportQuerySchema, response: null, status: 200, download,
  }),
  exportJobNeeds: defineRoute({
    method: 'GET', path: '/api/exports/job-needs', tag: 'Exports', summary: 'Exporter les besoins de recrutement ouverts (CSV ou XLSX)',
    access: ['facilitator', 'contractor'], query: listExportQuerySchema, response: null, status: 200, download,
  }),
  exportDeclarations: defineRoute({
    method: 'GET', path: '/api/exports/declarations', tag: 'Exports',
    summary: 'Exporter les déclarations d’heures (filtres de la liste ; status=submitted : la file de validation)',
    access: ['contractor', 'facilitator', 'admin'], query: declarationListQuerySchema.omit({ page: true }).extend({ format }), response: null, status: 200, download,
  }),
  exportOperations: defineRoute({
    method: 'GET', path: '/api/exports/operations', tag: 'Exports', summary: 'Exporter les opérations (CSV ou XLSX)',
    access: portfolioRoles, query: z.strictObject({ q: queryText(), buyerId: queryUuid, format }), response: null, status: 200, download,
  }),
  exportContracts: defineRoute({
    method: 'GET', path: '/api/exports/contracts', tag: 'Exports', summary: 'Exporter les marchés (filtres de la liste, CSV ou XLSX)',
    access: portfolioRoles, query: contractListQuerySchema.omit({ page: true, pageSize: true }).extend({ format }), response: null, status: 200, download,
  }),
} as const;
