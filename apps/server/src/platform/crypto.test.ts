import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField, randomToken, safeEqual } from './crypto';

describe('field encryption', () => {
  const key = randomBytes(32);

  it('round-trips and never repeats a ciphertext', () => {
    const a = encryptField(key, 'JBSWY3DPEHPK3PXP', 'users.mfa_secret');
    const b = encryptField(key, 'JBSWY3DPEHPK3PXP', 'users.mfa_secret');
    expect(a).not.toEqual(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptField(key, a, 'users.mfa_secret')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a ciphertext that was altered, moved to another purpose or read with another key', () => {
    const stored = encryptField(key, 'secret', 'users.mfa_secret');
    const parts = stored.split('.');
    const ct = Buffer.from(parts[2] ?? '', 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 1;
    const altered = [parts[0], parts[1], ct.toString('base64url'), parts[3]].join('.');
    expect(() => decryptField(key, altered, 'users.mfa_secret')).toThrow();
    expect(() => decryptField(key, stored, 'persons.name')).toThrow();
    expect(() => decryptField(randomBytes(32), stored, 'users.mfa_secret')).toThrow();
  });
});

describe('tokens', () => {
  it('are 256-bit, URL-safe and distinct', () => {
    const t = randomToken(32);
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(randomToken(32)).not.toBe(t);
  });

  it('compare in constant time and only when equal', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
