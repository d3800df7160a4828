import { defineRoute } from '../contract.js';
import { loginInputSchema, loginResultSchema, sessionUserSchema } from '../../schemas/auth.js';
import { allRoles } from './access.js';

export const authRoutes = {
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
    access: allRoles, response: sessionUserSchema, status: 200,
  }),
} as const;
