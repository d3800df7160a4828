import type { Routes } from '@app/shared';
import type { Handler } from '../router.js';
import { listNotifications } from '../../application/reminders/notifications-list.js';
import { runReminders } from '../../application/reminders/jobs.js';

type NotificationRoutes = Pick<Routes, 'listNotifications' | 'runReminders'>;

export const notificationHandlers: { [K in keyof NotificationRoutes]: Handler<NotificationRoutes[K]> } = {
  listNotifications: ({ ctx, actor, query }) => listNotifications(ctx.em, actor, query),
  runReminders: ({ ctx }) => runReminders(ctx.container),
};
