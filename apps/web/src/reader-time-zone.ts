// The reader's time zone, kept apart from i18n.ts so that pure modules (and their tests) can read it.

/** This browser's time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let chosenTimeZone: string | null = null;

/** The signed-in user's own display zone (their profile), or null to follow the browser. */
export function setDisplayTimeZone(timeZone: string | null): void {
  chosenTimeZone = timeZone;
}

/**
 * The zone the reader sees instants in: their profile's choice, else the browser's. Sent to the
 * server (x-time-zone) for the instants in its messages and exports, and used by useFormat.
 */
export function readerTimeZone(): string {
  return chosenTimeZone ?? browserTimeZone();
}
