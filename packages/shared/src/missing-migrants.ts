/**
 * The IOM Missing Migrants Project layouts: the current 22-column download and the older
 * 25-column "Global Figures". Told apart by their headers (in any order). Shared by the server's
 * importer and the import page's preview.
 */
export const MM22_HEADERS = [
  'Main ID',
  'Incident ID',
  'Region',
  'Incident Date',
  'Year',
  'Reported Month',
  'Number Dead',
  'Minimum Estimated Number of Missing',
  'Number of Survivors',
  'Number of Females',
  'Number of Males',
  'Number of Children',
  'Region of Origin',
  'Cause of Death',
  'Country of Origin',
  'Location of death',
  'Information Source',
  'Coordinates',
  'Migration route',
  'URL',
  'UNSD Geographical Grouping',
  'Source Quality',
] as const;

export const MM25_HEADERS = [
  'Main ID',
  'Incident ID',
  'Incident Type',
  'Region of Incident',
  'Incident Date',
  'Incident Year',
  'Month',
  'Number of Dead',
  'Minimum Estimated Number of Missing',
  'Total Number of Dead and Missing',
  'Number of Survivors',
  'Number of Females',
  'Number of Males',
  'Number of Children',
  'Country of Origin',
  'Region of Origin',
  'Cause of Death',
  'Country of Incident',
  'Migration Route',
  'Location of Incident',
  'Coordinates',
  'UNSD Geographical Grouping',
  'Information Source',
  'URL',
  'Source Quality',
] as const;

export type MmLayout = 'missing-migrants-22' | 'missing-migrants-25';
export const MM_LAYOUTS: readonly MmLayout[] = ['missing-migrants-22', 'missing-migrants-25'];

/** What the importer makes of a column (keys of the import page's labels). */
export const MM_FIELDS = [
  'kept',
  'externalId',
  'region',
  'occurredOn',
  'fromDate',
  'dead',
  'missing',
  'checkedTotal',
  'survivors',
  'females',
  'males',
  'children',
  'causeOfDeath',
  'nationalities',
  'placeAndCountry',
  'placeName',
  'placeCountry',
  'sourceName',
  'coordinates',
  'route',
  'sourceUrl',
  'sourceQuality',
] as const;
export type MmField = (typeof MM_FIELDS)[number];

/** The Enlace field each column of either layout fills. */
export const MM_FIELD_OF_COLUMN: Readonly<Record<string, MmField>> = {
  'Main ID': 'kept',
  'Incident ID': 'externalId',
  Region: 'region',
  'Region of Incident': 'region',
  'Incident Date': 'occurredOn',
  Year: 'fromDate',
  'Incident Year': 'fromDate',
  'Reported Month': 'fromDate',
  Month: 'fromDate',
  'Incident Type': 'kept',
  'Number Dead': 'dead',
  'Number of Dead': 'dead',
  'Minimum Estimated Number of Missing': 'missing',
  'Total Number of Dead and Missing': 'checkedTotal',
  'Number of Survivors': 'survivors',
  'Number of Females': 'females',
  'Number of Males': 'males',
  'Number of Children': 'children',
  'Region of Origin': 'kept',
  'Cause of Death': 'causeOfDeath',
  'Country of Origin': 'nationalities',
  'Location of death': 'placeAndCountry',
  'Location of Incident': 'placeName',
  'Country of Incident': 'placeCountry',
  'Information Source': 'sourceName',
  Coordinates: 'coordinates',
  'Migration route': 'route',
  'Migration Route': 'route',
  URL: 'sourceUrl',
  'UNSD Geographical Grouping': 'kept',
  'Source Quality': 'sourceQuality',
};

const normHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The layout a header row is in (columns in any order, extra ones allowed), or the columns the
 * closer layout lacks.
 */
export function detectMmLayout(
  header: readonly string[],
): { layout: MmLayout; missing: [] } | { layout: null; missing: string[] } {
  const present = new Set(header.map(normHeader));
  const lacking = (list: readonly string[]) => list.filter((h) => !present.has(normHeader(h)));
  const miss22 = lacking(MM22_HEADERS);
  if (miss22.length === 0) return { layout: 'missing-migrants-22', missing: [] };
  const miss25 = lacking(MM25_HEADERS);
  if (miss25.length === 0) return { layout: 'missing-migrants-25', missing: [] };
  return { layout: null, missing: miss22.length <= miss25.length ? miss22 : miss25 };
}

/** The field a column of `layout` fills, or null for a column the importer does not read. */
export function mmFieldOf(layout: MmLayout | null, column: string): MmField | null {
  const headers: readonly string[] = layout === 'missing-migrants-25' ? MM25_HEADERS : MM22_HEADERS;
  const known = headers.find((h) => normHeader(h) === normHeader(column));
  return known ? (MM_FIELD_OF_COLUMN[known] ?? null) : null;
}
