import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MandateSchema, OrganisationSchema, type MandateEntity } from '@app/db';
import type { Mandate, MandateInput } from '@app/shared';
import type { Actor, RequestMeta } from './actor.js';
import { errors } from './errors.js';
import { scopeFilter, scoped } from '../infra/scope.js';
import { audit } from '../infra/audit.js';

const party = (o: { id: string; name: string; siret?: string | null }) => ({ id: o.id, name: o.name, siret: o.siret ?? null });
const toMandate = (m: MandateEntity): Mandate => ({ id: m.id, buyer: party(m.buyer), facilitator: party(m.facilitator), createdAt: m.createdAt.toISOString() });

export async function listMandates(em: EntityManager, actor: Actor): Promise<{ items: Mandate[]; total: number }> {
  const rows = await em.find(MandateSchema, scopeFilter(actor, 'Mandate'), { populate: ['buyer', 'facilitator'], orderBy: { createdAt: 'asc' } });
  return { items: rows.map(toMandate), total: rows.length };
}

/** The buyer names a facilitation structure by its SIRET; the structure must have an account on the instance. */
export async function createMandate(em: EntityManager, actor: Actor, meta: RequestMeta, input: MandateInput): Promise<Mandate> {
  return em.transactional(async (tx) => {
    const facilitator = await tx.findOne(OrganisationSchema, { siret: input.facilitatorSiret, kind: 'facilitator' });
    if (!facilitator) throw errors.field('facilitatorSiret', 'Aucune structure de facilitation n’est enregistrée avec ce SIRET sur cette instance.');
    if (await tx.count(MandateSchema, { buyer: actor.organisationId, facilitator: facilitator.id })) {
      throw errors.field('facilitatorSiret', 'Cette structure est déjà mandatée.');
    }
    const mandate = tx.create(MandateSchema, { id: randomUUID(), buyer: actor.organisationId, facilitator });
    audit(tx, actor, meta, { action: 'create', entityType: 'Mandate', entityId: mandate.id, after: { facilitatorId: facilitator.id } });
    await tx.flush();
    await tx.populate(mandate, ['buyer']);
    return toMandate(mandate);
  });
}

export async function deleteMandate(em: EntityManager, actor: Actor, meta: RequestMeta, id: string): Promise<void> {
  await em.transactional(async (tx) => {
    const mandate = await tx.findOne(MandateSchema, scoped(actor, 'Mandate', { id }));
    if (!mandate) throw errors.notFound('Mandat');
    audit(tx, actor, meta, { action: 'delete', entityType: 'Mandate', entityId: id, before: { facilitatorId: mandate.facilitator.id } });
    tx.remove(mandate);
    await tx.flush();
  });
}
