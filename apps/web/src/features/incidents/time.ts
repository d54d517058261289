/**
 * Local date and time at the place of an incident ↔ the instant in UTC. The form asks for what a
 * reporting officer knows (the local clock time and the place's time zone); the API stores the
 * instant in UTC with the zone beside it.
 */

export { isTimeZone, offsetMinutes, utcToZoned, zonedToUtc } from '@enlace/shared';

/** Every IANA time zone the browser knows, with the place's likely ones first. */
export function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...all].sort((a, b) => {
    const aa = a.startsWith('America/') ? 0 : 1;
    const bb = b.startsWith('America/') ? 0 : 1;
    return aa - bb || a.localeCompare(b);
  });
}
