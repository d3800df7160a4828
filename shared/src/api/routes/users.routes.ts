import { defineRoute } from '../contract.js';
import { createUserInputSchema, userSchema } from '../../schemas/user.js';
import { allRoles, listOf } from './access.js';

export const userRoutes = {
  listUsers: defineRoute({
    method: 'GET', path: '/api/users', tag: 'Utilisateurs',
    summary: 'Utilisateurs visibles (tous pour l’administrateur, ceux de son organisation sinon)',
    access: allRoles, response: listOf(userSchema), status: 200,
  }),
  createUser: defineRoute({
    method: 'POST', path: '/api/users', tag: 'Utilisateurs', summary: 'Créer un utilisateur (administrateur)',
    access: ['admin'], body: createUserInputSchema, response: userSchema, status: 201,
  }),
} as const;
