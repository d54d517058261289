import { utcToZoned, zonedToUtc } from '@enlace/shared';
import { readerTimeZone } from '../../reader-time-zone';

/** Currencies of the region first, then every ISO 4217 currency the browser knows. */
const REGIONAL = [
  'USD',
  'MXN',
  'GTQ',
  'HNL',
  'NIO',
  'CRC',
  'PAB',
  'DOP',
  'BZD',
  'CAD',
  'HTG',
  'JMD',
  'BSD',
  'COP',
  'EUR',
];

export function currencies(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return [...REGIONAL, ...all.filter((c) => !REGIONAL.includes(c))];
}

/** SHA-256 of a file, computed in the browser: the file itself is never uploaded. */
export async function sha256Of(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * `<input type="datetime-local">` value → ISO instant, read in the user's clock: their profile's
 * time zone, else the browser's (the one dates are shown in).
 */
export function localInputToIso(value: string, timeZone = readerTimeZone()): string {
  const [date = '', time = '00:00'] = value.split('T');
  return zonedToUtc(date, time, timeZone);
}

/** ISO instant → `<input type="datetime-local">` value in the user's clock. */
export function isoToLocalInput(iso: string, timeZone = readerTimeZone()): string {
  const { date, time } = utcToZoned(iso, timeZone);
  return `${date}T${time}`;
}
