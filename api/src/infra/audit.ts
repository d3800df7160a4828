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
