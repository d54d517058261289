import { notificationListQuerySchema, notificationListSchema, unreadCountSchema } from '@enlace/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  getNotificationPreferences,
  listNotifications,
  readAllNotifications,
  readNotification,
  setNotificationPreferences,
  unreadCount,
} from './notifications.service';

const preferencesSchema = z.object({ email: z.boolean(), emailAvailable: z.boolean() });

/** The signed-in user's own notifications: the bell's count, the list, marking read, e-mail or not. */
export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        description:
          'The user’s notifications, newest first: the kind of event and the object, never its content.',
        querystring: notificationListQuerySchema,
        response: { 200: notificationListSchema },
      },
    },
    (request) => listNotifications(request.ctx, request.query),
  );
  app.get(
    '/api/notifications/unread',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['notifications'], response: { 200: unreadCountSchema } },
    },
    (request) => unreadCount(request.ctx),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        description:
          'Marks one of the user’s notifications read (another user’s answers 404); returns the unread count.',
        params: z.object({ id: z.string().max(64) }),
        response: { 200: unreadCountSchema },
      },
    },
    async (request) => {
      await readNotification(request.ctx, request.params.id);
      return unreadCount(request.ctx);
    },
  );
  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['notifications'], response: { 200: z.object({ updated: z.number().int() }) } },
    },
    (request) => readAllNotifications(request.ctx),
  );
  app.get(
    '/api/notifications/preferences',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['notifications'], response: { 200: preferencesSchema } },
    },
    (request) => getNotificationPreferences(request.ctx),
  );
  app.put(
    '/api/notifications/preferences',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['notifications'],
        body: z.object({ email: z.boolean() }).strict(),
        response: { 200: preferencesSchema },
      },
    },
    (request) => setNotificationPreferences(request.ctx, request.body),
  );
};
