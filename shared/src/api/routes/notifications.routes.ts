import { defineRoute } from '../contract.js';
import { pageOf } from '../../schemas/fields.js';
import { notificationListQuerySchema, notificationSchema, reminderRunSchema } from '../../schemas/notification.js';

export const notificationRoutes = {
  listNotifications: defineRoute({
    method: 'GET', path: '/api/notifications', tag: 'Relances', summary: 'Relances envoyées par courriel (date, type, destinataire, objet)',
    access: ['facilitator', 'admin'], query: notificationListQuerySchema, response: pageOf(notificationSchema), status: 200,
  }),
  runReminders: defineRoute({
    method: 'POST', path: '/api/notifications/scan', tag: 'Relances', summary: 'Lancer maintenant l’analyse des relances et l’envoi des courriels (une seule fois par événement)',
    access: ['admin'], response: reminderRunSchema, status: 200,
  }),
} as const;
