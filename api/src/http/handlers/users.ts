import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { listUsers, createUser } from '../../application/users.js';

type UserRoutes = Pick<Routes, 'listUsers' | 'createUser'>;

export const userHandlers: { [K in keyof UserRoutes]: Handler<UserRoutes[K]> } = {
  listUsers: ({ ctx, actor }) => listUsers(ctx.em, actor),
  createUser: ({ ctx, actor, body }) => createUser(ctx.em, actor, ctx.state.meta, body),
};
