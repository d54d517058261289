import { randomUUID } from 'node:crypto';

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Records created
 * together sort together, so a bulk import appends to the primary-key index instead of writing
 * all over it. (The random part comes from randomUUID, which draws on a cached entropy pool.)
 */
export function uuidv7(now: number = Date.now()): string {
  const ms = now.toString(16).padStart(12, '0').slice(-12);
  const random = randomUUID();
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${random.slice(15, 18)}${random.slice(18)}`;
}
