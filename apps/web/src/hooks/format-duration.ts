const MINUTES_PER_DAY = 24 * 60;

/**
 * A duration as people say it, in the UI language's own units (Intl): "45 min", "3 h 20 min",
 * "2 d 4 h" (days and hours past a day; the minutes no longer matter then).
 */
export function formatDuration(lng: string, hours: number): string {
  const minutes = Math.max(0, Math.round(hours * 60));
  const unit = (u: 'day' | 'hour' | 'minute', n: number) =>
    new Intl.NumberFormat(lng, { style: 'unit', unit: u, unitDisplay: 'short' }).format(n);
  const parts: string[] = [];
  if (minutes < 60) parts.push(unit('minute', minutes));
  else if (minutes < MINUTES_PER_DAY) {
    parts.push(unit('hour', Math.floor(minutes / 60)));
    if (minutes % 60) parts.push(unit('minute', minutes % 60));
  } else {
    const wholeHours = Math.round(minutes / 60);
    parts.push(unit('day', Math.floor(wholeHours / 24)));
    if (wholeHours % 24) parts.push(unit('hour', wholeHours % 24));
  }
  return new Intl.ListFormat(lng, { type: 'unit', style: 'narrow' }).format(parts);
}
