import { z } from 'zod';
import { HANDLING_ACTIONS, HANDLING_REFUSALS, handlingCodesSchema } from '../handling';
import { idSchema, timeZoneSchema } from './common';
import { TEXT_MAX } from './limits';
import { pageQueryShape, pageSchema } from './lists';

/**
 * Secure exchange: exchange cases (threads) between focal points and prosecutors, their
 * participants, messages with handling and evaluation codes, receipts and reply deadlines.
 */
export const EXCHANGE_TYPES = ['formal_request', 'informal', 'alert', 'reply'] as const;
export type ExchangeType = (typeof EXCHANGE_TYPES)[number];
export const EXCHANGE_PRIORITIES = ['urgent', 'normal'] as const;
export type ExchangePriority = (typeof EXCHANGE_PRIORITIES)[number];
/** The network's channel, or the prosecutors' channel (prosecutors with a current authorisation only). */
export const EXCHANGE_CHANNELS = ['network', 'prosecutors'] as const;
export type ExchangeChannel = (typeof EXCHANGE_CHANNELS)[number];
/** Who takes part: one user, an agency's users, a whole country's, or the whole network (a broadcast). */
export const PARTICIPANT_KINDS = ['user', 'agency', 'country', 'network'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const THREAD_STATUSES = ['open', 'closed'] as const;

/** Default reply deadlines (EU directive 2023/977: 8 hours for urgent requests, 7 days otherwise). */
export const DEFAULT_REPLY_HOURS: Record<ExchangePriority, number> = { urgent: 8, normal: 7 * 24 };

export const EXCHANGE_MESSAGE_MAX = 20_000;
export const ATTACHMENTS_MAX = 10;

const text = (max: number) => z.string().trim().max(max);

export const participantInputSchema = z
  .object({
    kind: z.enum(PARTICIPANT_KINDS),
    /** A user id, an agency id, a country code; absent for the network. */
    ref: z.string().max(64).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.kind === 'network' ? v.ref !== undefined : !v.ref)
      ctx.addIssue({ code: 'custom', path: ['ref'], message: 'participant_ref' });
  });
export type ParticipantInput = z.infer<typeof participantInputSchema>;

export const messageInputSchema = z
  .object({
    body: text(EXCHANGE_MESSAGE_MAX).min(1),
    codes: handlingCodesSchema,
    /** Files uploaded through POST /api/files, attached in the message's transaction. */
    attachments: z.array(idSchema).max(ATTACHMENTS_MAX).default([]),
  })
  .strict();
export type MessageInput = z.input<typeof messageInputSchema>;

export const threadCreateBodySchema = z
  .object({
    subject: text(TEXT_MAX.title).min(1),
    type: z.enum(EXCHANGE_TYPES),
    priority: z.enum(EXCHANGE_PRIORITIES),
    channel: z.enum(EXCHANGE_CHANNELS).default('network'),
    participants: z.array(participantInputSchema).min(1).max(100),
    /** When a reply is due; by default 8 hours (urgent) or 7 days from now. */
    replyBy: z.iso.datetime({ offset: true }).nullable().optional(),
    incidentId: idSchema.nullable().optional(),
    caseId: idSchema.nullable().optional(),
    /** The first message. */
    message: messageInputSchema,
  })
  .strict();
export type ThreadCreateBody = z.input<typeof threadCreateBodySchema>;

export const threadUpdateBodySchema = z
  .object({
    replyBy: z.iso.datetime({ offset: true }).nullable().optional(),
    status: z.enum(THREAD_STATUSES).optional(),
    addParticipants: z.array(participantInputSchema).max(100).optional(),
    removeParticipants: z.array(z.string().max(64)).max(100).optional(),
  })
  .strict();

export const forwardBodySchema = z
  .object({
    /** The thread the message goes to (the actor must take part in it). */
    threadId: idSchema,
    /** A word from the forwarder, with its own codes. */
    comment: text(TEXT_MAX.note).optional(),
  })
  .strict();

export const participantSchema = z.object({
  id: z.string(),
  kind: z.enum(PARTICIPANT_KINDS),
  ref: z.string().nullable(),
  /** A user's or agency's name, a country code; null for the network. */
  label: z.string().nullable(),
  countryCode: z.string().nullable(),
});

export const receiptSchema = z.object({
  countryCode: z.string(),
  acknowledgedAt: z.string().nullable(),
  readAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
});

export const handlingAbilitySchema = z.object({
  allowed: z.boolean(),
  reason: z.enum(HANDLING_REFUSALS).nullable(),
  mayRequest: z.boolean(),
});

export const attachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  type: z.string(),
});

export const messageSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  authorCountry: z.string(),
  body: z.string(),
  codes: handlingCodesSchema,
  /** The provider of the information (the original author of a forwarded message). */
  providerId: z.string(),
  forwardedFrom: z.object({ threadReference: z.string().nullable(), messageId: z.string() }).nullable(),
  attachments: z.array(attachmentSchema),
  createdAt: z.string(),
  abilities: z.object(
    Object.fromEntries(HANDLING_ACTIONS.map((a) => [a, handlingAbilitySchema])) as {
      [K in (typeof HANDLING_ACTIONS)[number]]: typeof handlingAbilitySchema;
    },
  ),
});
export type ExchangeMessage = z.infer<typeof messageSchema>;

export const threadSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  subject: z.string(),
  type: z.enum(EXCHANGE_TYPES),
  priority: z.enum(EXCHANGE_PRIORITIES),
  channel: z.enum(EXCHANGE_CHANNELS),
  status: z.enum(THREAD_STATUSES),
  ownerCountry: z.string(),
  replyBy: z.string().nullable(),
  overdue: z.boolean(),
  lastMessageAt: z.string(),
  messageCount: z.number().int(),
  unread: z.boolean(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const threadSchema = threadSummarySchema.extend({
  ownerId: z.string(),
  createdAt: z.string(),
  participants: z.array(participantSchema),
  /** Per participant country: acknowledged, read, first reply (the response time for the statistics). */
  receipts: z.array(receiptSchema),
  incidentId: z.string().nullable(),
  caseId: z.string().nullable(),
  abilities: z.object({ post: z.boolean(), manage: z.boolean(), acknowledge: z.boolean() }),
});
export type Thread = z.infer<typeof threadSchema>;

export const EXCHANGE_SORTS = ['lastMessageAt', 'replyBy', 'reference', 'priority'] as const;
export const threadListQuerySchema = z
  .object({
    ...pageQueryShape(EXCHANGE_SORTS, { sort: 'lastMessageAt', dir: 'desc' }),
    channel: z.enum(EXCHANGE_CHANNELS).optional(),
    status: z.enum(THREAD_STATUSES).optional(),
    unread: z.enum(['0', '1']).optional(),
  })
  .strict();
export type ThreadListQuery = z.infer<typeof threadListQuerySchema>;
export const threadPageSchema = pageSchema(threadSummarySchema);
export type ThreadPage = z.infer<typeof threadPageSchema>;

export const messagePageSchema = z.object({ items: z.array(messageSchema) });

export const THREAD_EXPORT_FORMATS = ['csv', 'pdf'] as const;
export type ThreadExportFormat = (typeof THREAD_EXPORT_FORMATS)[number];
export const threadExportQuerySchema = z
  .object({
    format: z.enum(THREAD_EXPORT_FORMATS).default('csv'),
    /** The reader's time zone for the instants of a PDF; else the profile's, else UTC. */
    tz: timeZoneSchema.optional(),
  })
  .strict();

/**
 * Who may be added to a thread: people and agencies whose names match, searched by POST so that
 * the names typed never appear in an address or an access log; `ids` names accounts already known
 * (the requesters of a handling permission) to show their names.
 */
export const participantSearchBodySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    channel: z.enum(EXCHANGE_CHANNELS).default('network'),
    ids: z.array(idSchema).max(200).optional(),
  })
  .strict();
export type ParticipantSearchBody = z.input<typeof participantSearchBodySchema>;

export const participantCandidateSchema = z.object({
  id: z.string(),
  name: z.string(),
  countryCode: z.string(),
  role: z.string(),
  agency: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export const participantAgencySchema = z.object({
  id: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  countryCode: z.string(),
});
export const participantSearchResultSchema = z.object({
  users: z.array(participantCandidateSchema),
  agencies: z.array(participantAgencySchema),
});
export type ParticipantSearchResult = z.infer<typeof participantSearchResultSchema>;
export type ParticipantCandidate = z.infer<typeof participantCandidateSchema>;
export type ParticipantAgency = z.infer<typeof participantAgencySchema>;
