import type { RouteName } from '@app/shared';
import type { RouteCase } from './types.js';

/** Reminders, funders' indicators, yearly figures and list exports. */
export const reportingCases: Partial<Record<RouteName, RouteCase>> = {
  listNotifications: () => ({ method: 'GET', path: '/api/notifications' }),
  runReminders: () => ({ method: 'POST', path: '/api/notifications/scan', body: {} }),
};
