import { systemRoutes } from './system.routes.js';
import { authRoutes } from './auth.routes.js';
import { organisationRoutes } from './organisations.routes.js';
import { userRoutes } from './users.routes.js';
import { referentialRoutes } from './referentials.routes.js';
import { mandateRoutes } from './mandates.routes.js';
import { operationRoutes } from './operations.routes.js';
import { contractRoutes } from './contracts.routes.js';
import { clauseRoutes } from './clauses.routes.js';
import { decpImportRoutes } from './decp-imports.routes.js';
import { jobReferentialRoutes } from './job-referentials.routes.js';
import { participantRoutes } from './participants.routes.js';
import { eligibilityRoutes } from './eligibility.routes.js';
import { jobNeedRoutes } from './job-needs.routes.js';
import { proposalRoutes } from './proposals.routes.js';
import { declarationRoutes } from './declarations.routes.js';
import { declarationImportRoutes } from './declaration-imports.routes.js';
import { noticeRoutes } from './notices.routes.js';
import { notificationRoutes } from './notifications.routes.js';
import { reportingRoutes } from './reporting.routes.js';
import { exportRoutes } from './exports.routes.js';
import { dashboardRoutes } from './dashboards.routes.js';

export { healthSchema } from './system.routes.js';
export { allRoles, listOf, portfolioRoles, lotReaders } from './access.js';
export { participantExportSchema } from './participants.routes.js';

/**
 * Every route of the API, one file per resource. Adding a route to one of these files makes it
 * validated, authorized, documented (OpenAPI) and required in the authorization matrix test.
 */
export const routes = {
  ...systemRoutes,
  ...authRoutes,
  ...organisationRoutes,
  ...userRoutes,
  ...referentialRoutes,
  ...mandateRoutes,
  ...operationRoutes,
  ...contractRoutes,
  ...clauseRoutes,
  ...decpImportRoutes,
  ...jobReferentialRoutes,
  ...participantRoutes,
  ...eligibilityRoutes,
  ...jobNeedRoutes,
  ...proposalRoutes,
  ...declarationRoutes,
  ...declarationImportRoutes,
  ...noticeRoutes,
  ...notificationRoutes,
  ...reportingRoutes,
  ...exportRoutes,
  ...dashboardRoutes,
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
