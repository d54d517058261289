/**
 * Local date and time in an IANA time zone ↔ the instant in UTC, with nothing but Intl: used by the
 * incident form (the local clock time at the place) and by the audit trail's day filters (days in
 * the administrator's time zone).
 */

function partsIn(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Minutes that `timeZone` is ahead of UTC at `instant` (negative in the Americas). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** "2026-03-02", "09:30", "America/Cancun" → "2026-03-02T14:30:00.000Z". */
export function zonedToUtc(date: string, time: string, timeZone: string): string {
  const guess = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  const first = offsetMinutes(guess, timeZone);
  let utc = guess - first * 60_000;
  // Near a change of offset (daylight saving) the first guess may sit on the other side of it.
  const second = offsetMinutes(utc, timeZone);
  if (second !== first) utc = guess - second * 60_000;
  return new Date(utc).toISOString();
}

/** "2026-03-02T14:30:00Z", "America/Cancun" → { date: "2026-03-02", time: "09:30" }. */
export function utcToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const p = partsIn(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** "2026-03-02T14:30:00.000Z" in America/Mexico_City → "2026-03-02T08:30:00-06:00". */
export function isoWithOffset(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  const { date, time } = utcToZoned(iso, timeZone);
  const seconds = String(new Date(instant).getUTCSeconds()).padStart(2, '0');
  const off = offsetMinutes(instant, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${date}T${time}:${seconds}${sign}${hh}:${mm}`;
}
