/**
 * Local date and time at the place of an incident ↔ the instant in UTC. The form asks for what a
 * reporting officer knows (the local clock time and the place's time zone); the API stores the
 * instant in UTC with the zone beside it. The zones offered are components/time-zones.ts's.
 */

export { isTimeZone, offsetMinutes, utcToZoned, zonedToUtc } from '@enlace/shared';
