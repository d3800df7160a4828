import { randomUUID } from 'node:crypto';
import type { Orm } from '@app/db';
import { OrganisationSchema, UserSchema } from '@app/db';
import { hashPassword } from '@app/api';
import { roleOfOrganisationKind, type OrganisationKind, type Role } from '@app/shared';
import type { TestApp } from './test-app.js';
import type { Client } from './client.js';

export const PASSWORD = 'Mot-de-passe-de-test-1';
let passwordHash: Promise<string> | null = null;
let seq = 0;

/** A Luhn-valid SIRET, different at each call (test data only). */
export function siret(): string {
  const base = `9${String(Date.now() % 1e9).padStart(9, '0')}${String(++seq % 1000).padStart(3, '0')}`;
  for (let d = 0; d <= 9; d++) {
    const candidate = base + d;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let n = Number(candidate[13 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

export async function createOrganisation(orm: Orm, kind: OrganisationKind, overrides: { name?: string; siret?: string | null } = {}) {
  const em = orm.em.fork();
  const org = em.create(OrganisationSchema, {
    id: randomUUID(),
    kind,
    name: overrides.name ?? `Organisation ${kind} ${++seq}`,
    siret: overrides.siret === undefined ? (kind === 'admin' ? null : siret()) : overrides.siret,
  });
  await em.flush();
  return org;
}

export async function createUser(orm: Orm, organisation: { id: string; kind: string }, overrides: { email?: string; active?: boolean } = {}) {
  passwordHash ??= hashPassword(PASSWORD);
  const em = orm.em.fork();
  const user = em.create(UserSchema, {
    id: randomUUID(),
    organisation: organisation.id,
    email: overrides.email ?? `user${++seq}-${randomUUID().slice(0, 8)}@exemple.fr`,
    fullName: `Utilisateur ${seq}`,
    role: roleOfOrganisationKind[organisation.kind as OrganisationKind],
    passwordHash: await passwordHash,
    active: overrides.active ?? true,
  });
  await em.flush();
  return user;
}

export type Tenant = { organisation: { id: string; name: string }; user: { id: string; email: string }; client: Client };

/**
 * Two tenants per role (A and B) plus the instance admin, each with a signed-in client:
 * enough to test every route for the right role, the wrong role, anonymous and another tenant.
 */
export async function createWorld(app: TestApp): Promise<Record<`${Exclude<Role, 'admin'>}${'A' | 'B'}` | 'admin', Tenant> & { anonymous: Client; orm: Orm }> {
  const make = async (kind: OrganisationKind): Promise<Tenant> => {
    const organisation = await createOrganisation(app.orm, kind);
    const user = await createUser(app.orm, organisation);
    const client = await app.client().login(user.email, PASSWORD);
    return { organisation, user, client };
  };
  return {
    buyerA: await make('buyer'),
    buyerB: await make('buyer'),
    facilitatorA: await make('facilitator'),
    facilitatorB: await make('facilitator'),
    contractorA: await make('contractor'),
    contractorB: await make('contractor'),
    admin: await make('admin'),
    anonymous: app.client(),
    orm: app.orm,
  };
}
