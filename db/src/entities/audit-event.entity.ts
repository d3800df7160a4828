import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Append-only audit log: who did or read what, when, with the state before and after. */
export const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  indexes: [{ properties: ['entityType', 'entityId'] }],
  properties: {
    id: p.bigint().primary().autoincrement(),
    at: p.datetime().onCreate(() => new Date()).index(),
    actorUserId: p.uuid().nullable(),
    organisationId: p.uuid().nullable().index(),
    action: p.string().length(60),
    entityType: p.string().length(60),
    entityId: p.string().length(64).nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    requestId: p.string().length(64).nullable(),
  },
});
export type AuditEventEntity = InferEntity<typeof AuditEventSchema>;
