import { z } from 'zod';
import { idSchema } from './common';

/**
 * The kinds of file Enlace accepts (platform/files), each recognised from its content: the bytes
 * must say what the name says. Text and CSV have no signature: they are accepted when the name
 * says so and the whole content is UTF-8 text without NUL characters.
 */
export const FILE_KINDS = [
  { mediaType: 'application/pdf', extensions: ['pdf'] },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { mediaType: 'image/png', extensions: ['png'] },
  { mediaType: 'image/webp', extensions: ['webp'] },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  { mediaType: 'text/plain', extensions: ['txt'], text: true },
  { mediaType: 'text/csv', extensions: ['csv'], text: true },
] as const satisfies readonly { mediaType: string; extensions: readonly string[]; text?: boolean }[];

/** The extension of a name, lower case, without the dot ('' when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** For a file input's `accept` attribute. */
export const FILE_ACCEPT = FILE_KINDS.flatMap((k) => k.extensions.map((e) => `.${e}`)).join(',');

/** Staged files not attached to anything within this time are removed. */
export const STAGED_FILE_TTL_HOURS = 24;

/** A size in megabytes with one decimal, as the limits are stated to users (25, 1.5). */
export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** What the server accepts, for a form to state before anything is sent (its size limit is configured). */
export const fileLimitsSchema = z.object({
  maxBytes: z.number().int(),
  /** The extensions accepted, without the dot, in FILE_KINDS' order. */
  extensions: z.array(z.string()),
  stagedHours: z.number().int(),
});
export type FileLimits = z.infer<typeof fileLimitsSchema>;

/** A stored file as the API describes it (never its storage, key or uploader's details). */
export const fileSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  type: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type FileSummary = z.infer<typeof fileSchema>;

export const fileParamsSchema = z.object({ id: idSchema });

/** The multipart body of an upload, for the OpenAPI document (the stream is read by the route). */
export const fileUploadBodySchema = z
  .object({
    file: z.string().meta({ format: 'binary', description: 'The file: one part, named as on disk.' }),
  })
  .strict();
