import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganisationSchema, UserSchema, type UserEntity } from '@app/db';
import { roleOfOrganisationKind, type CreateUserInput, type OrganisationKind, type User } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { scopeFilter, scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';
import { hashPassword } from '../infra/passwords.js';

const toUser = (u: UserEntity): User => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  role: u.role as User['role'],
  organisationId: u.organisation.id,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsers(em: EntityManager, actor: Actor): Promise<{ items: User[]; total: number }> {
  const [rows, total] = await em.findAndCount(UserSchema, scopeFilter(actor, 'User'), { orderBy: { email: 'asc' } });
  return { items: rows.map(toUser), total };
}

/** The new user's role is the one of its organisation (one role per user, decided by where they work). */
export async function createUser(em: EntityManager, actor: Actor, meta: RequestMeta, input: CreateUserInput): Promise<User> {
  const org = await em.findOne(OrganisationSchema, scoped(actor, 'Organisation', { id: input.organisationId }));
  if (!org) throw errors.field('organisationId', 'Organisation introuvable.');
  if (await em.count(UserSchema, { email: input.email })) {
    throw errors.field('email', 'Un compte existe déjà avec cette adresse e-mail.');
  }
  const user = em.create(UserSchema, {
    id: randomUUID(),
    organisation: org,
    email: input.email,
    fullName: input.fullName,
    role: roleOfOrganisationKind[org.kind as OrganisationKind],
    passwordHash: await hashPassword(input.password),
  });
  audit(em, actor, meta, {
    action: 'create', entityType: 'User', entityId: user.id,
    after: { email: user.email, fullName: user.fullName, role: user.role, organisationId: org.id },
  });
  await em.flush();
  return toUser(user);
}
