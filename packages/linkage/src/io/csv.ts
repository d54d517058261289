import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { type Column, type DictColumn, isDictColumn } from '../schema';

// CSV in and out. Parsing a million-record file is on the clock, so this is a single-pass
// state machine over char codes, read in chunks (files larger than a JavaScript string are fine)
// and stored by column. It follows RFC 4180 (quotes, doubled quotes, CRLF or LF) and trims
// spaces around unquoted values, as FEBRL's ", " separators need.
//
// Columns are dictionary-encoded as they are read: a million registrations hold a few hundred
// thousand distinct values, and keeping one string per distinct value rather than per cell
// keeps the garbage collector from tracing ten million strings through every later phase.

export interface CsvColumns {
  header: string[];
  /** columns[c] holds column c's values for every data row (no rows when not selected). */
  columns: DictColumn[];
  rows: number;
}

export class CsvError extends Error {}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

/** Rows after which a column that is mostly distinct (ids, document numbers) stops hashing. */
const DICTIONARY_TRIAL = 20_000;

class ColumnBuilder {
  codes = new Int32Array(1024);
  length = 0;
  readonly values: string[] = [''];
  private index: Map<string, number> | null = new Map<string, number>([['', 0]]);

  add(value: string): void {
    let code: number | undefined;
    if (this.index === null) {
      code = value === '' ? 0 : this.values.length;
      if (code !== 0) this.values.push(value);
    } else {
      code = this.index.get(value);
      if (code === undefined) {
        code = this.values.length;
        this.values.push(value);
        this.index.set(value, code);
      }
      // A column of unique values gains nothing from a dictionary but the cost of hashing.
      if (this.length === DICTIONARY_TRIAL && this.values.length > DICTIONARY_TRIAL * 0.9) this.index = null;
    }
    if (this.length === this.codes.length) {
      const next = new Int32Array(this.codes.length * 2);
      next.set(this.codes);
      this.codes = next;
    }
    this.codes[this.length++] = code;
  }

  build(): DictColumn {
    return { codes: this.codes.slice(0, this.length), values: this.values };
  }
}

class CsvParser {
  header: string[] | null = null;
  builders: (ColumnBuilder | null)[] = [];
  constructor(private readonly select?: (header: readonly string[]) => readonly boolean[]) {}
  rows = 0;
  private headerFields: string[] = [];
  private column = 0;
  private field = '';
  private inQuotes = false;
  private quoted = false;
  private blankLine = true;
  private line = 1;

  /** Parses a chunk; returns the unparsed tail (an incomplete unquoted field) to prepend next time. */
  feed(text: string, final: boolean): string {
    const n = text.length;
    let i = 0;
    let start = 0;
    while (i < n) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          this.field += text.slice(i);
          i = n;
          start = n;
          break;
        }
        this.field += text.slice(i, q);
        if (q + 1 >= n && !final) {
          // Cannot tell a closing quote from a doubled one yet.
          return text.slice(q);
        }
        if (text.charCodeAt(q + 1) === QUOTE) {
          this.field += '"';
          i = q + 2;
          continue;
        }
        this.inQuotes = false;
        i = q + 1;
        start = i;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        this.endField(text, start, i);
        i++;
        start = i;
      } else if (c === LF || c === CR) {
        this.endField(text, start, i);
        this.endRecord();
        // A CR at the end of a chunk whose LF starts the next one yields an empty line, skipped.
        if (c === CR && i + 1 < n && text.charCodeAt(i + 1) === LF) i++;
        this.line++;
        i++;
        start = i;
      } else if (c === QUOTE && !this.quoted && this.isBlank(text, start, i)) {
        this.inQuotes = true;
        this.quoted = true;
        this.field = '';
        i++;
      } else i++;
    }
    if (final) {
      if (this.inQuotes) throw new CsvError(`Unterminated quoted value starting before line ${this.line}`);
      if (start < n || this.field !== '' || this.column > 0) {
        this.endField(text, start, n);
        this.endRecord();
      }
      return '';
    }
    return text.slice(start);
  }

  private isBlank(text: string, from: number, to: number): boolean {
    for (let p = from; p < to; p++) {
      const c = text.charCodeAt(p);
      if (c !== SPACE && c !== TAB) return false;
    }
    return this.field === '';
  }

  private endField(text: string, start: number, end: number): void {
    let value: string;
    if (this.quoted) value = this.field;
    else {
      let s = start;
      let e = end;
      while (s < e && (text.charCodeAt(s) === SPACE || text.charCodeAt(s) === TAB)) s++;
      while (e > s && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB)) e--;
      value = s === e ? '' : text.slice(s, e);
    }
    if (value !== '' || this.quoted || this.column > 0) this.blankLine = false;
    this.field = '';
    this.quoted = false;
    if (this.header === null) this.headerFields.push(value);
    else {
      if (this.column >= this.builders.length) {
        throw new CsvError(
          `Line ${this.line}: more values than the header's ${this.builders.length} columns`,
        );
      }
      this.builders[this.column]?.add(value);
    }
    this.column++;
  }

  private endRecord(): void {
    const columns = this.column;
    this.column = 0;
    if (this.blankLine) {
      // An empty line: undo the single empty value it produced.
      if (this.header !== null && columns === 1) {
        const b = this.builders[0];
        if (b) b.length--;
      } else if (this.header === null) this.headerFields = [];
      return;
    }
    this.blankLine = true;
    if (this.header === null) {
      const first = this.headerFields[0];
      if (first !== undefined && first.charCodeAt(0) === 0xfeff) this.headerFields[0] = first.slice(1);
      this.header = this.headerFields;
      const wanted = this.select?.(this.header.map((h) => h.trim()));
      this.builders = this.header.map((_, c) => (wanted && !wanted[c] ? null : new ColumnBuilder()));
      return;
    }
    for (let c = columns; c < this.builders.length; c++) this.builders[c]?.add('');
    this.rows++;
  }
}

const SKIPPED: DictColumn = { codes: new Int32Array(0), values: [''] };

function finish(parser: CsvParser): CsvColumns {
  if (parser.header === null) throw new CsvError('The file is empty: no header row');
  return {
    header: parser.header,
    columns: parser.builders.map((b) => b?.build() ?? SKIPPED),
    rows: parser.rows,
  };
}

export interface CsvReadOptions {
  /** Chooses, from the header, which columns to keep; the others are parsed but not stored. */
  select?: (header: readonly string[]) => readonly boolean[];
}

/** Parses CSV text held in memory. */
export function parseCsv(text: string, options: CsvReadOptions = {}): CsvColumns {
  const parser = new CsvParser(options.select);
  parser.feed(text, true);
  return finish(parser);
}

const CHUNK = 16 * 1024 * 1024;

/** Reads and parses a CSV file in chunks. */
export function readCsvFile(path: string, options: CsvReadOptions = {}): CsvColumns {
  const fd = openSync(path, 'r');
  const parser = new CsvParser(options.select);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    const decoder = new StringDecoder('utf8');
    let carry = '';
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      carry = parser.feed(carry + decoder.write(buffer.subarray(0, read)), false);
    }
    parser.feed(carry + decoder.end(), true);
  } finally {
    closeSync(fd);
  }
  return finish(parser);
}

/** The value of row r in a column of either form. */
export function cell(column: Column, r: number): string {
  if (isDictColumn(column)) return column.values[column.codes[r] ?? 0] ?? '';
  return column[r] ?? '';
}

function quote(value: string): string {
  if (/[",\r\n]/.test(value) || value.trimStart() !== value || value.trimEnd() !== value) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/**
 * Writes a CSV file atomically: to a temporary file beside the target, renamed into place only
 * when complete, so a failure never leaves a partial output behind.
 */
export function writeCsvAtomic(
  path: string,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    let buf = `${header.map(quote).join(',')}\n`;
    for (const row of rows) {
      buf += `${row.map(quote).join(',')}\n`;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
    rmSync(tmp, { force: true });
    throw err;
  }
}
