/** The one source of "now", so tests can move time (session expiry, lockout, TOTP). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export function iso(d: Date): string {
  return d.toISOString();
}
