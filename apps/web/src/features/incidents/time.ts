/**
 * Local date and time at the place of an incident ↔ the instant in UTC. The form asks for what a
 * reporting officer knows (the local clock time and the place's time zone); the API stores the
 * instant in UTC with the zone beside it.
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

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
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

/** Every IANA time zone the browser knows, with the place's likely ones first. */
export function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...all].sort((a, b) => {
    const aa = a.startsWith('America/') ? 0 : 1;
    const bb = b.startsWith('America/') ? 0 : 1;
    return aa - bb || a.localeCompare(b);
  });
}
