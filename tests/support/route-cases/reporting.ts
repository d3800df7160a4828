import type { RouteName } from '@app/shared';
import type { RouteCase } from './types.js';

/** Reminders, funders' indicators, yearly figures and list exports. */
export const reportingCases: Partial<Record<RouteName, RouteCase>> = {
  listNotifications: () => ({ method: 'GET', path: '/api/notifications' }),
  runReminders: () => ({ method: 'POST', path: '/api/notifications/scan', body: {} }),
  exportFundersIndicators: () => ({ method: 'GET', path: '/api/reporting/funders-indicators?from=2026-01-01&to=2026-12-31' }),
  getYearlyFigures: () => ({ method: 'GET', path: '/api/reporting/yearly?year=2026' }),
  exportYearlyFigures: () => ({ method: 'GET', path: '/api/reporting/yearly/export?year=2026&format=csv' }),
  exportParticipants: () => ({ method: 'GET', path: '/api/exports/participants?format=csv' }),
  exportPlacements: () => ({ method: 'GET', path: '/api/exports/placements?format=csv' }),
  exportJobNeeds: () => ({ method: 'GET', path: '/api/exports/job-needs?format=csv' }),
  exportDeclarations: () => ({ method: 'GET', path: '/api/exports/declarations?format=csv' }),
  exportOperations: () => ({ method: 'GET', path: '/api/exports/operations?format=csv' }),
  exportContracts: () => ({ method: 'GET', path: '/api/exports/contracts?format=csv' }),
};
