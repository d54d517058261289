import { describe, expect, it } from 'vitest';
import {
  type Attachment,
  acceptedKinds,
  attachedIds,
  formatFileSize,
  isUploading,
  keptCount,
  preflight,
} from './attachments';

const item = (state: Attachment['state'], fileId: string | null = null): Attachment => ({
  key: `k-${Math.random()}`,
  name: 'informe.pdf',
  size: 1000,
  state,
  progress: 0,
  fileId,
  error: state === 'refused' ? 'No' : null,
});

describe('attachments of a message being written', () => {
  const limits = { maxBytes: 25 * 1024 * 1024 };

  it('refuse before sending what name and size already tell: one too many, empty, too large, a kind not accepted', () => {
    expect(preflight({ name: 'informe.pdf', size: 10 }, limits, 0, 10)).toBeNull();
    expect(preflight({ name: 'Foto.JPEG', size: 10 }, limits, 9, 10)).toBeNull();
    expect(preflight({ name: 'informe.pdf', size: 10 }, limits, 10, 10)).toBe('too_many');
    expect(preflight({ name: 'vacío.pdf', size: 0 }, limits, 0, 10)).toBe('file_empty');
    expect(preflight({ name: 'grande.pdf', size: limits.maxBytes + 1 }, limits, 0, 10)).toBe(
      'file_too_large',
    );
    expect(preflight({ name: 'grande.pdf', size: limits.maxBytes }, limits, 0, 10)).toBeNull();
    expect(preflight({ name: 'setup.exe', size: 10 }, limits, 0, 10)).toBe('file_type_not_allowed');
    expect(preflight({ name: 'sin-extension', size: 10 }, limits, 0, 10)).toBe('file_type_not_allowed');
    // Before the limits are known, the server's answer decides the size.
    expect(preflight({ name: 'grande.pdf', size: limits.maxBytes * 4 }, undefined, 0, 10)).toBeNull();
  });

  it('send only the files the server took, and count the refused ones out of the limit', () => {
    const items = [item('attached', 'f1'), item('uploading'), item('refused'), item('attached', 'f2')];
    expect(attachedIds(items)).toEqual(['f1', 'f2']);
    expect(keptCount(items)).toBe(3);
    expect(isUploading(items)).toBe(true);
    expect(isUploading([item('attached', 'f1'), item('refused')])).toBe(false);
  });

  it('state sizes and kinds in the reader’s language', () => {
    // Intl puts a no-break space (French: a narrow one) between the number and its unit.
    const size = (bytes: number, locale: string) => formatFileSize(bytes, locale).replace(/\s/gu, ' ');
    expect(size(26_214_400, 'en')).toBe('25 MB');
    expect(size(1_572_864, 'es')).toBe('1,5 MB');
    expect(size(12_345, 'fr')).toBe('12 ko');
    expect(size(2_048, 'en')).toBe('2 kB');
    expect(acceptedKinds('es')).toMatch(/^PDF, JPG, PNG, .* TXT o CSV$/);
    expect(acceptedKinds('en')).toMatch(/TXT, or CSV$/);
    expect(acceptedKinds('fr')).toMatch(/TXT ou CSV$/);
  });
});
