import type { RouteName } from '@app/shared';
import type { RouteCase } from './types.js';
import { foundationCases } from './foundation.js';
import { clauseCases, contractCases, decpImportCases, mandateCases, operationCases, referentialCases } from './portfolio.js';
import { participantCases } from './participants.js';
import { jobNeedCases } from './job-needs.js';
import { proposalCases } from './proposals.js';
import { declarationCases, declarationImportCases } from './declarations.js';
import { noticeCases } from './notices.js';
import { reportingCases } from './reporting.js';
import { dashboardCases } from './dashboards.js';

export type { RouteCase, World, Call } from './types.js';

/** One valid request per route, one file per resource: the authorization matrix runs each for every role. */
export const routeCases: Partial<Record<RouteName, RouteCase>> = {
  ...foundationCases,
  ...referentialCases,
  ...mandateCases,
  ...operationCases,
  ...contractCases,
  ...clauseCases,
  ...decpImportCases,
  ...participantCases,
  ...jobNeedCases,
  ...proposalCases,
  ...declarationCases,
  ...declarationImportCases,
  ...noticeCases,
  ...reportingCases,
  ...dashboardCases,
};
