import { randomUUID } from 'node:crypto';
import type { Orm } from '@app/db';
import { MandateSchema, OrganisationSchema, UserSchema } from '@app/db';
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

export type Tenant = { organisation: { id: string; name: string; siret?: string | null }; user: { id: string; email: string }; client: Client };

/** The buyer mandates the facilitation structure (it then reads and helps edit the buyer's portfolio). */
export async function createMandate(orm: Orm, buyerId: string, facilitatorId: string): Promise<string> {
  const em = orm.em.fork();
  const mandate = em.create(MandateSchema, { id: randomUUID(), buyer: buyerId, facilitator: facilitatorId });
  await em.flush();
  return mandate.id;
}

/**
 * Two tenants per role (A and B) plus the instance admin, each with a signed-in client:
 * enough to test every route for the right role, the wrong role, anonymous and another tenant.
 * Buyer A mandated facilitator A, buyer B facilitator B.
 */
export async function createWorld(app: TestApp): Promise<Record<`${Exclude<Role, 'admin'>}${'A' | 'B'}` | 'admin', Tenant> & { anonymous: Client; app: TestApp }> {
  const make = async (kind: OrganisationKind): Promise<Tenant> => {
    const organisation = await createOrganisation(app.orm, kind);
    const user = await createUser(app.orm, organisation);
    const client = await app.client().login(user.email, PASSWORD);
    return { organisation, user, client };
  };
  const world = {
    buyerA: await make('buyer'),
    buyerB: await make('buyer'),
    facilitatorA: await make('facilitator'),
    facilitatorB: await make('facilitator'),
    contractorA: await make('contractor'),
    contractorB: await make('contractor'),
    admin: await make('admin'),
    anonymous: app.client(),
    app,
  };
  await createMandate(app.orm, world.buyerA.organisation.id, world.facilitatorA.organisation.id);
  await createMandate(app.orm, world.buyerB.organisation.id, world.facilitatorB.organisation.id);
  return world;
}
