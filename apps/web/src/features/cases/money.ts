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

/** `<input type="datetime-local">` value (the user's clock) → ISO instant. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** ISO instant → `<input type="datetime-local">` value in the user's clock. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}
