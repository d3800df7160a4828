import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { notificationListQuerySchema, Notification } from '@app/shared';
import type { Actor } from '../actor.js';
import { sqlOf } from '../../infra/sql.js';

type Query = z.output<typeof notificationListQuerySchema>;

interface Row {
  id: string;
  kind: Notification['kind'];
  period: string;
  recipient_name: string;
  recipient_email: string;
  subject: string;
  body: string;
  status: Notification['status'];
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  total: string | number;
}

/**
 * The reminders of the actor's structure (those about its clauses and people, and those sent to its
 * users), newest first; the admin sees all of them.
 */
export async function listNotifications(em: EntityManager, actor: Actor, query: Query) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (actor.role !== 'admin') {
    where.push(`(n.facilitator_id = ?::uuid or n.recipient_user_id in (select id from app_user where organisation_id = ?::uuid))`);
    params.push(actor.organisationId, actor.organisationId);
  }
  if (query.kind) {
    where.push('n.kind = ?');
    params.push(query.kind);
  }
  const rows = await sqlOf(em)<Row>(
    `select n.id, n.kind, n.period, n.recipient_name, n.recipient_email, n.subject, n.body, n.status, n.attempts, n.created_at, n.sent_at, count(*) over () as total
       from notification n ${where.length ? `where ${where.join(' and ')}` : ''}
      order by n.created_at desc, n.id limit ? offset ?`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return {
    items: rows.map((r) => ({
      id: r.id, kind: r.kind, period: r.period, recipientName: r.recipient_name, recipientEmail: r.recipient_email, subject: r.subject, body: r.body,
      status: r.status, attempts: r.attempts, createdAt: new Date(r.created_at).toISOString(), sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
    })),
    total: rows.length ? Number(rows[0]!.total) : 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
