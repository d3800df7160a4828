import type { Handlers } from '../router.js';
import { systemHandlers } from './system.js';
import { authHandlers } from './auth.js';
import { organisationHandlers } from './organisations.js';
import { userHandlers } from './users.js';
import { jobReferentialHandlers } from './job-referentials.js';
import { participantHandlers } from './participants.js';
import { eligibilityHandlers } from './eligibility.js';

/** Thin handlers, one file per resource: input already parsed and authorized by the router; each calls a use case. */
export const handlers: Handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...organisationHandlers,
  ...userHandlers,
  ...jobReferentialHandlers,
  ...participantHandlers,
  ...eligibilityHandlers,
};
