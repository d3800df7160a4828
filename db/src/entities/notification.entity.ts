import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The reminders' outbox: one row per (event, subject, period, recipient). The unique key is what makes
 * a reminder go out once and only once — the daily scan inserts with `on conflict do nothing`, so two
 * scans (two API processes) racing on the same event leave a single row; the sender then claims pending
 * rows with `for update skip locked`, so two senders never send the same row.
 */
export const NotificationSchema = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  uniques: [{ name: 'notification_event_unique', properties: ['kind', 'subjectId', 'period', 'recipientUserId'] }],
  indexes: [{ properties: ['status', 'createdAt'] }, { properties: ['facilitatorId', 'createdAt'] }],
  properties: {
    id: p.uuid().primary(),
    /** declaration_due, declaration_late, clause_at_risk, eligibility_expiring. */
    kind: p.string().length(30),
    /** The clause or the eligibility validation the reminder is about. */
    subjectId: p.uuid(),
    /** The month (YYYY-MM), the end date, or '' for an event that happens once. */
    period: p.string().length(10),
    recipientUserId: p.uuid(),
    recipientEmail: p.string().length(254),
    recipientName: p.string().length(200),
    /** The facilitation structure concerned (its facilitators see the row), when there is one. */
    facilitatorId: p.uuid().nullable(),
    subject: p.string().length(300),
    body: p.text(),
    /** pending → sending → sent | failed. */
    status: p.string().length(10),
    attempts: p.smallint().default(0),
    error: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
  },
});
export type NotificationEntity = InferEntity<typeof NotificationSchema>;
