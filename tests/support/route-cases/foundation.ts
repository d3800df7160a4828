import { siret } from '../factories.js';
import type { RouteCase } from './types.js';

export const foundationCases = {
  health: () => ({ method: 'GET', path: '/api/health' }),
  openapi: () => ({ method: 'GET', path: '/api/openapi.json' }),
  login: (_w, me) => ({ method: 'POST', path: '/api/auth/login', body: { email: me.user.email, password: 'Mot-de-passe-de-test-1' } }),
  logout: () => ({ method: 'POST', path: '/api/auth/logout' }),
  me: () => ({ method: 'GET', path: '/api/auth/me' }),
  listOrganisations: () => ({ method: 'GET', path: '/api/organisations' }),
  getOrganisation: (_w, me) => ({ method: 'GET', path: `/api/organisations/${me.organisation.id}` }),
  createOrganisation: () => ({ method: 'POST', path: '/api/organisations', body: { kind: 'contractor', name: 'Menuiserie Figeacoise', siret: siret() } }),
  listUsers: () => ({ method: 'GET', path: '/api/users' }),
  createUser: (w) => ({
    method: 'POST', path: '/api/users',
    body: { organisationId: w.contractorB.organisation.id, fullName: 'Paul Nouveau', email: `nouveau-${Date.now()}-${Math.random()}@exemple.fr`, password: 'un-mot-de-passe-solide' },
  }),
} satisfies Record<string, RouteCase>;
