import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX, PASSWORD_MIN } from '@enlace/shared';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from './errors';

// OWASP: argon2id, m = 19 MiB, t = 2, p = 1. Algorithm 2 is argon2id in @node-rs/argon2.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified for unknown accounts so they cost the same time. */
let decoy: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-never-used');
  await verifyPassword(await decoy, password);
}

// 49k passwords seen in breaches (zxcvbn-ts common list), shipped with the package.
const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** True when the password is a known breached one, bare or padded with digits and symbols. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (common.has(lower)) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length >= 4 && common.has(core)) return true;
  return /^(.)\1+$/u.test(password);
}

/** Throws a localised 400 when the new password breaks the policy (length, breached list). */
export function assertPasswordPolicy(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new AppError(400, 'password_too_short', { min: PASSWORD_MIN });
  if (length > PASSWORD_MAX) throw new AppError(400, 'password_too_long', { max: PASSWORD_MAX });
  if (isCommonPassword(password)) throw new AppError(400, 'password_common');
}
