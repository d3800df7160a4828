import { z } from '../schemas/locale.js';
import { defineRoute } from './contract.js';
import { idParamsSchema } from '../schemas/common.js';
import { loginInputSchema, loginResultSchema, sessionUserSchema } from '../schemas/auth.js';
import { createOrganisationInputSchema, organisationSchema } from '../schemas/organisation.js';
import { createUserInputSchema, userSchema } from '../schemas/user.js';

export const healthSchema = z.object({ status: z.literal('ok'), database: z.literal('ok'), version: z.string() });

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** Every route of the API. Adding a route here makes it validated, authorized and documented. */
export const routes = {
  health: defineRoute({
    method: 'GET', path: '/api/health', tag: 'Système', summary: 'État du service et de la base de données',
    access: 'public', response: healthSchema, status: 200,
  }),
  openapi: defineRoute({
    method: 'GET', path: '/api/openapi.json', tag: 'Système', summary: 'Ce document OpenAPI 3.1, généré depuis les contrats',
    access: 'public', response: z.record(z.string(), z.unknown()), status: 200,
  }),
  login: defineRoute({
    method: 'POST', path: '/api/auth/login', tag: 'Connexion', summary: 'Se connecter (ouvre une session)',
    access: 'public', body: loginInputSchema, response: loginResultSchema, status: 200,
  }),
  logout: defineRoute({
    method: 'POST', path: '/api/auth/logout', tag: 'Connexion', summary: 'Se déconnecter (ferme la session)',
    access: 'public', response: null, status: 204,
  }),
  me: defineRoute({
    method: 'GET', path: '/api/auth/me', tag: 'Connexion', summary: 'Utilisateur connecté',
    access: ['buyer', 'facilitator', 'contractor', 'admin'], response: sessionUserSchema, status: 200,
  }),
  listOrganisations: defineRoute({
    method: 'GET', path: '/api/organisations', tag: 'Organisations',
    summary: 'Organisations visibles (toutes pour l’administrateur, la sienne sinon)',
    access: ['buyer', 'facilitator', 'contractor', 'admin'], response: listOf(organisationSchema), status: 200,
  }),
  getOrganisation: defineRoute({
    method: 'GET', path: '/api/organisations/:id', tag: 'Organisations', summary: 'Une organisation',
    access: ['buyer', 'facilitator', 'contractor', 'admin'], params: idParamsSchema, response: organisationSchema, status: 200,
  }),
  createOrganisation: defineRoute({
    method: 'POST', path: '/api/organisations', tag: 'Organisations', summary: 'Créer une organisation (administrateur)',
    access: ['admin'], body: createOrganisationInputSchema, response: organisationSchema, status: 201,
  }),
  listUsers: defineRoute({
    method: 'GET', path: '/api/users', tag: 'Utilisateurs',
    summary: 'Utilisateurs visibles (tous pour l’administrateur, ceux de son organisation sinon)',
    access: ['buyer', 'facilitator', 'contractor', 'admin'], response: listOf(userSchema), status: 200,
  }),
  createUser: defineRoute({
    method: 'POST', path: '/api/users', tag: 'Utilisateurs', summary: 'Créer un utilisateur (administrateur)',
    access: ['admin'], body: createUserInputSchema, response: userSchema, status: 201,
  }),
} as const;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
