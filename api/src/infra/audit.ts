import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEventSchema } from '@app/db';
import type { Actor, RequestMeta } from '../application/actor.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Queued in the caller's unit of work: written in the same transaction as the change it records. */
export function audit(em: EntityManager, actor: Actor | null, meta: RequestMeta, entry: AuditEntry): void {
  em.create(AuditEventSchema, {
    actorUserId: actor?.userId ?? null,
    organisationId: actor?.organisationId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: meta.requestId,
  });
}

/**
 * A read's audit row written at once, in one statement (autocommit): for read routes, where nothing
 * else is flushed, it spares the transaction's extra round trips. Same columns as `audit`.
 */
export async function auditRead(em: EntityManager, actor: Actor, meta: RequestMeta, entry: AuditEntry): Promise<void> {
  await em.getConnection().execute(
    `insert into audit_event (at, actor_user_id, organisation_id, action, entity_type, entity_id, before, after, request_id)
     values (now(), ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`,
    [
      actor.userId, actor.organisationId, entry.action, entry.entityType, entry.entityId ?? null,
      entry.before ? JSON.stringify(entry.before) : null, entry.after ? JSON.stringify(entry.after) : null, meta.requestId,
    ],
    'run',
    em.getTransactionContext(),
  );
}
