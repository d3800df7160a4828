import { defineRoute } from '../contract.js';
import { fundersIndicatorsQuerySchema, yearExportQuerySchema, yearlyFiguresSchema, yearQuerySchema } from '../../schemas/reporting.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Facilitators report on their own structure; the admin on one structure or the whole instance. */
const reporters = ['facilitator', 'admin'] as const;

export const reportingRoutes = {
  exportFundersIndicators: defineRoute({
    method: 'GET', path: '/api/reporting/funders-indicators', tag: 'Indicateurs',
    summary: 'Indicateurs FSE (participants à l’entrée, à la sortie, 6 mois après) d’une période, par opération : classeur XLSX',
    access: reporters, query: fundersIndicatorsQuerySchema, response: null, status: 200, download: { mediaTypes: [XLSX] },
  }),
  getYearlyFigures: defineRoute({
    method: 'GET', path: '/api/reporting/yearly', tag: 'Indicateurs',
    summary: 'Chiffres consolidés de l’année (heures, personnes, contrats, entreprises, acheteurs ; par modalité et par public)',
    access: reporters, query: yearQuerySchema, response: yearlyFiguresSchema, status: 200,
  }),
  exportYearlyFigures: defineRoute({
    method: 'GET', path: '/api/reporting/yearly/export', tag: 'Indicateurs', summary: 'Chiffres consolidés de l’année (CSV ou XLSX)',
    access: reporters, query: yearExportQuerySchema, response: null, status: 200, download: { mediaTypes: ['text/csv', XLSX] },
  }),
} as const;
