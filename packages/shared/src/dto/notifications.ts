import { z } from 'zod';
import { pageQueryShape, pageSchema } from './lists';

/**
 * Every kind of in-app notification. A notification names its kind and its object, never the
 * object's content: the user opens the object in Enlace, where access is checked again. Each
 * kind has its words in the server bundles (`notifications.kinds.<kind>`, a test checks).
 */
export const NOTIFICATION_KINDS = [
  'directory.entry_stale',
  'directory.authorisation_expiring',
  'directory.authorisation_expired',
  'handling.permission_requested',
  'handling.permission_granted',
  'handling.permission_refused',
  'exchange.new_thread',
  'exchange.new_message',
  'exchange.acknowledged',
  'exchange.deadline_soon',
  'exchange.deadline_passed',
  'registry.crisis_level_raised',
  'registry.belongings_discrepancy',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Values a notification's words may use: references, counts, dates; nothing personal. */
export const notificationParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type NotificationParams = z.infer<typeof notificationParamsSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  params: notificationParamsSchema,
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z
  .object({
    ...pageQueryShape(['createdAt'] as const, { sort: 'createdAt', dir: 'desc' }),
    unread: z.enum(['0', '1']).optional(),
  })
  .strict();

export const notificationListSchema = pageSchema(notificationSchema).extend({
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
