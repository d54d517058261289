import { detectMmLayout, type MmField, type MmLayout, mmFieldOf } from '@enlace/shared';
import { parse } from 'csv-parse/browser/esm/sync';

/** The start of a chosen file, read in the browser before anything is sent. */
export interface FilePreview {
  layout: MmLayout | null;
  /** Columns the closer layout lacks, when none is recognised. */
  missing: string[];
  /** Each column of the file and the Enlace field it fills (null: not imported). */
  columns: { key: string; name: string; field: MmField | null }[];
  /** The first data rows (a row of HXL hashtags under the header is skipped, as the server does). */
  rows: { line: number; cells: string[] }[];
}

/** Enough of the file for the header and a few rows, however long their cells. */
const HEAD_BYTES = 256 * 1024;
const ROWS = 5;

/**
 * Reads the header and first rows of a Missing Migrants CSV and says what each column becomes,
 * with the same layout rules as the server's importer (packages/shared/src/missing-migrants.ts).
 * A file the browser cannot read as CSV gives no rows; the server's check then explains why.
 */
export async function previewFile(file: Blob): Promise<FilePreview> {
  const head = await file.slice(0, HEAD_BYTES).text();
  let records: string[][] = [];
  try {
    records = parse(head, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to: ROWS + 2,
    }) as string[][];
  } catch {
    // The slice may end inside a quoted cell: keep what came before it.
    const lines = head.split(/\r?\n/).slice(0, ROWS + 2);
    try {
      records = parse(lines.join('\n'), {
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
      }) as string[][];
    } catch {
      records = [];
    }
  }
  const [header = [], ...rest] = records;
  const detected = detectMmLayout(header);
  const hxl = rest[0]?.every((c) => c.trim() === '' || c.trim().startsWith('#')) ?? false;
  return {
    layout: detected.layout,
    missing: detected.missing,
    columns: header.map((name, i) => ({
      key: `${i}:${name}`,
      name,
      field: mmFieldOf(detected.layout, name),
    })),
    rows: (hxl ? rest.slice(1) : rest).slice(0, ROWS).map((cells, i) => ({ line: i + (hxl ? 3 : 2), cells })),
  };
}
