/**
 * The limits of what users type, read by the request schemas (server) and by the forms (maxLength,
 * min/max): one constant per use, sized to it. Imports refuse a longer cell as a row error.
 */
export const TEXT_MAX = {
  /** A place, as Missing Migrants describes it ("Remains washed ashore at …, missing since …"). */
  placeName: 300,
  /** A case's reference ("FGR-2026-000123"). */
  reference: 60,
  /** A case's title, a joint team's name, a database's name, an agency. */
  title: 200,
  /** A person's or an organisation's name, a custody holder. */
  name: 200,
  /** An account's display name. */
  displayName: 120,
  /** Vessel or vehicle name, kind of craft. */
  conveyance: 200,
  /** Registration, IMO number, licence plate. */
  registration: 100,
  /** A description of an asset or of a piece of evidence. */
  description: 1000,
  /** A longer note: a database's description or quality notes. */
  notes: 2000,
  /** Where a report came from (several sources in one field). */
  sourceName: 500,
  /** A purpose of a custody hand-over, a coverage of a database. */
  purpose: 500,
  url: 2000,
  causeOfDeath: 300,
  /** The note of a follow-up or a correction. */
  note: 5000,
  /** A report's narrative, a case's summary: long, but a report rather than a book. */
  narrative: 20_000,
  /** A label of a vocabulary term or a country, in each language. */
  label: 200,
  acronym: 20,
  /** A field name listed by a database of the inventory. */
  fieldName: 100,
  /** A travel document's machine-readable zone (at most 3 × 30 or 2 × 44 characters, with line breaks). */
  mrz: 200,
} as const;

/**
 * The earliest incident date accepted: the network's data begin in the 1990s, and a report dated
 * 1900 (a typing slip) would stretch every monthly chart over a century.
 */
export const EARLIEST_INCIDENT_DATE = '1990-01-01';

/** Largest count of persons of one incident (a count, a cell of a breakdown). */
export const COUNT_MAX = 1_000_000;
