import { z } from './locale.js';
import { REMINDER_KINDS } from '../domain/reminders.js';
import { paginationQuery } from './fields.js';

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export const NOTIFICATION_STATUS_LABELS: Record<(typeof NOTIFICATION_STATUSES)[number], string> = {
  pending: 'À envoyer',
  sending: 'En cours d’envoi',
  sent: 'Envoyé',
  failed: 'Échec',
};

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const notificationListQuerySchema = z.object({
  kind: z.preprocess(emptyToUndefined, z.enum(REMINDER_KINDS, { error: 'Type de relance inconnu.' }).optional()),
  ...paginationQuery,
});

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(REMINDER_KINDS),
  period: z.string(),
  recipientName: z.string(),
  recipientEmail: z.string(),
  subject: z.string(),
  /** The message as sent (its link to the month to declare included). */
  body: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const reminderRunSchema = z.object({
  due: z.number().int(),
  recorded: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
});
