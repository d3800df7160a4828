import type { Handlers } from '../router.js';
import { systemHandlers } from './system.js';
import { authHandlers } from './auth.js';
import { organisationHandlers } from './organisations.js';
import { userHandlers } from './users.js';
import { referentialHandlers } from './referentials.js';
import { mandateHandlers } from './mandates.js';
import { operationHandlers } from './operations.js';
import { contractHandlers } from './contracts.js';
import { clauseHandlers } from './clauses.js';
import { decpImportHandlers } from './decp-imports.js';
import { jobReferentialHandlers } from './job-referentials.js';
import { participantHandlers } from './participants.js';
import { eligibilityHandlers } from './eligibility.js';
import { jobNeedHandlers } from './job-needs.js';
import { proposalHandlers } from './proposals.js';
import { declarationHandlers } from './declarations.js';
import { declarationImportHandlers } from './declaration-imports.js';
import { noticeHandlers } from './notices.js';
import { notificationHandlers } from './notifications.js';
import { reportingHandlers } from './reporting.js';
import { exportHandlers } from './exports.js';
import { dashboardHandlers } from './dashboards.js';

/** Thin handlers, one file per resource: input already parsed and authorized by the router; each calls a use case. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...organisationHandlers,
  ...userHandlers,
  ...referentialHandlers,
  ...mandateHandlers,
  ...operationHandlers,
  ...contractHandlers,
  ...clauseHandlers,
  ...decpImportHandlers,
  ...jobReferentialHandlers,
  ...participantHandlers,
  ...eligibilityHandlers,
  ...jobNeedHandlers,
  ...proposalHandlers,
  ...declarationHandlers,
  ...declarationImportHandlers,
  ...noticeHandlers,
  ...notificationHandlers,
  ...reportingHandlers,
  ...exportHandlers,
  ...dashboardHandlers,
};
