import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertPasswordPolicy, hashPassword, isCommonPassword, verifyPassword } from './passwords';

function policyError(password: string): string | null {
  try {
    assertPasswordPolicy(password);
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'unexpected';
  }
}

describe('passwords', () => {
  it('hashes with argon2id at OWASP parameters and verifies', async () => {
    const hash = await hashPassword('a long and unusual passphrase');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'a long and unusual passphrase')).toBe(true);
    expect(await verifyPassword(hash, 'a long and unusual passphrasE')).toBe(false);
  });

  it('treats a malformed stored hash as a failed check, not a crash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
  });

  it('requires 12 to 128 characters, counted as characters not bytes', () => {
    expect(policyError('short-pass1')).toBe('password_too_short');
    expect(policyError('ñandú-ñandú-')).toBeNull();
    expect(policyError('x'.repeat(64) + 'y'.repeat(65))).toBe('password_too_long');
  });

  it('rejects breached passwords, also padded with digits or symbols', () => {
    expect(isCommonPassword('password1234')).toBe(true);
    expect(isCommonPassword('Password!2024')).toBe(true);
    expect(isCommonPassword('aaaaaaaaaaaaaa')).toBe(true);
    expect(policyError('qwertyuiop123')).toBe('password_common');
    expect(isCommonPassword('Tortuga-Marina-de-Limón')).toBe(false);
  });
});
