import { extensionOf, FILE_KINDS, type FileLimits } from '@enlace/shared';

/**
 * The files a message will carry, as the composer keeps them: each uploads as soon as it is
 * chosen (POST /api/files, staged for its uploader), and only those the server took are sent.
 */
export type AttachmentState = 'uploading' | 'attached' | 'refused';

export interface Attachment {
  key: string;
  name: string;
  size: number;
  state: AttachmentState;
  /** How much of it has been sent, 0 to 1. */
  progress: number;
  /** The server's id, once it took the file. */
  fileId: string | null;
  /** Why it was not attached, in the user's language. */
  error: string | null;
}

/** Why a file is refused before it is sent (the server checks everything again, the content too). */
export type Preflight = 'too_many' | 'file_empty' | 'file_too_large' | 'file_type_not_allowed';

const EXTENSIONS: readonly string[] = FILE_KINDS.flatMap((k) => [...k.extensions]);

/**
 * What can be said of a file from its name and size alone, before uploading it: one more than
 * `max` files, an empty file, over the server's size limit (once known), an extension no kind has.
 */
export function preflight(
  file: { name: string; size: number },
  limits: Pick<FileLimits, 'maxBytes'> | undefined,
  kept: number,
  max: number,
): Preflight | null {
  if (kept >= max) return 'too_many';
  if (file.size === 0) return 'file_empty';
  if (limits && file.size > limits.maxBytes) return 'file_too_large';
  if (!EXTENSIONS.includes(extensionOf(file.name))) return 'file_type_not_allowed';
  return null;
}

/** The files that count towards the limit: those uploading or attached. */
export function keptCount(items: readonly Attachment[]): number {
  return items.filter((a) => a.state !== 'refused').length;
}

/** The ids to send with the message: the files the server took. */
export function attachedIds(items: readonly Attachment[]): string[] {
  return items.flatMap((a) => (a.state === 'attached' && a.fileId ? [a.fileId] : []));
}

export function isUploading(items: readonly Attachment[]): boolean {
  return items.some((a) => a.state === 'uploading');
}

/** "12 kB", "1.5 MB" in the reader's language (fr: "12 ko"), in powers of 1,024 as the server. */
export function formatFileSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes < 1024
      ? [bytes, 'byte']
      : bytes < 1024 * 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    // Megabytes to one decimal, as the server states its limit (1.5 MB); kilobytes whole past 10.
    maximumFractionDigits: unit === 'megabyte' || (unit === 'kilobyte' && value < 10) ? 1 : 0,
  }).format(value);
}

/** The kinds accepted, one name each ("PDF, JPG, … TXT or CSV"), in the reader's language. */
export function acceptedKinds(locale: string): string {
  const names = FILE_KINDS.map((k) => (k.extensions[0] as string).toUpperCase());
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(names);
}
