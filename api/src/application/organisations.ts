import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganisationSchema, type OrganisationEntity } from '@app/db';
import type { CreateOrganisationInput, Organisation } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { scopeFilter, scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';

export const toOrganisation = (o: OrganisationEntity): Organisation => ({
  id: o.id,
  kind: o.kind as Organisation['kind'],
  name: o.name,
  siret: o.siret ?? null,
  createdAt: o.createdAt.toISOString(),
});

export async function listOrganisations(em: EntityManager, actor: Actor): Promise<{ items: Organisation[]; total: number }> {
  const [rows, total] = await em.findAndCount(OrganisationSchema, scopeFilter(actor, 'Organisation'), { orderBy: { name: 'asc' } });
  return { items: rows.map(toOrganisation), total };
}

export async function getOrganisation(em: EntityManager, actor: Actor, id: string): Promise<Organisation> {
  const org = await em.findOne(OrganisationSchema, scoped(actor, 'Organisation', { id }));
  if (!org) throw errors.notFound('Organisation');
  return toOrganisation(org);
}

export async function createOrganisation(
  em: EntityManager,
  actor: Actor,
  meta: RequestMeta,
  input: CreateOrganisationInput,
): Promise<Organisation> {
  if (await em.count(OrganisationSchema, { siret: input.siret })) {
    throw errors.field('siret', 'Une organisation avec ce SIRET existe déjà.');
  }
  const org = em.create(OrganisationSchema, { id: randomUUID(), kind: input.kind, name: input.name, siret: input.siret });
  audit(em, actor, meta, { action: 'create', entityType: 'Organisation', entityId: org.id, after: { ...input } });
  await em.flush();
  return toOrganisation(org);
}
