import { extensionOf, FILE_KINDS } from '@enlace/shared';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors';

export type FileKind = (typeof FILE_KINDS)[number];

/**
 * How much of a file is read before its type is decided: signatures sit at the start, and the
 * entries that tell an office document from any ZIP (`mimetype`, `[Content_Types].xml`) come
 * first in the archives that office suites write.
 */
export const SNIFF_BYTES = 1024 * 1024;

const MAX_NAME = 200;

/**
 * A file's name as it will be stored and offered back: the last path segment, NFC, without
 * control or format characters (a right-to-left override can make "fdp.exe" read "exe.pdf"),
 * spaces collapsed, at most 200 characters with the extension kept.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  let name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (name === '.' || name === '..') name = '';
  const chars = [...name];
  if (chars.length > MAX_NAME) {
    const ext = extensionOf(name);
    const keep = ext && ext.length < 16 ? `.${ext}` : '';
    name = chars.slice(0, MAX_NAME - keep.length).join('') + keep;
  }
  return name || 'file';
}

const notAllowed = () => new AppError(415, 'file_type_not_allowed');

/**
 * The kind of a file, from its first bytes (file-type's signatures), never from its declared
 * type; the name's extension must agree with what the content is. A text kind is only a
 * candidate: the caller checks the whole content (`TextCheck`).
 */
export async function detectKind(head: Buffer, name: string): Promise<FileKind> {
  const ext = extensionOf(name);
  const textKind = FILE_KINDS.find((k) => 'text' in k && (k.extensions as readonly string[]).includes(ext));
  const found = await fileTypeFromBuffer(head);
  if (found) {
    const kind = FILE_KINDS.find((k) => !('text' in k) && k.mediaType === found.mime);
    if (kind) {
      if (!(kind.extensions as readonly string[]).includes(ext)) {
        throw new AppError(415, 'file_name_mismatch', { ext: kind.extensions[0] });
      }
      return kind;
    }
    // Text may begin with bytes that look like a signature ("BM…" for a bitmap): a text name
    // keeps it a candidate, and the whole-content check decides (real binaries hold NULs).
    if (textKind) return textKind;
    throw notAllowed();
  }
  if (textKind) return textKind;
  throw notAllowed();
}

/** Checks, piece by piece, that a whole content is UTF-8 text without NUL characters. */
export class TextCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  update(piece: Buffer): void {
    if (piece.includes(0)) throw new AppError(415, 'file_not_text');
    try {
      this.decoder.decode(piece, { stream: true });
    } catch {
      throw new AppError(415, 'file_not_text');
    }
  }

  end(): void {
    try {
      this.decoder.decode();
    } catch {
      throw new AppError(415, 'file_not_text');
    }
  }
}

/** RFC 6266 / 8187: an ASCII fallback, and the exact name as UTF-8 for every current browser. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
