import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type DocumentLocale, INTL_LOCALE } from '@enlace/shared';
import PDFDocument from 'pdfkit';
import { documentT } from '../i18n';

/** A label and its value: a line of a header block or of a record's fields. */
export interface DocumentField {
  label: string;
  value: string;
}

export interface DocumentColumn {
  header: string;
  /** Its share of the table's width (1 when absent): a column of long texts gets more. */
  weight?: number;
  align?: 'left' | 'right';
}

export type DocumentBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; fields: DocumentField[] }
  | { kind: 'table'; columns: DocumentColumn[]; rows: string[][] }
  /** Lines to sign on, each with its role and the signer's name under it (a receipt, a notice). */
  | { kind: 'signatures'; lines: { label: string; name: string }[] };

export interface DocumentSection {
  heading: string;
  blocks: DocumentBlock[];
}

/**
 * What a capability puts in a document, already in the reader's language: the documents room
 * lays it out (A4, one Unicode font, page numbers and the generation line on every page). The same
 * shape serves an export of coded items, a belongings receipt or a mutual legal assistance request.
 */
export interface DocumentSpec {
  /**
   * The first lines of the first page, before the title, between two rules: what the reader must
   * know before anything else (the handling codes of an export, a confidentiality notice).
   */
  banner?: { title: string; lines: DocumentField[] };
  title: string;
  /** Under the title: the facts of the record the document is about. */
  header?: DocumentField[];
  sections: DocumentSection[];
  /** Repeated at the foot of every page, above the page number (a reference, a handling code). */
  footer?: string;
}

export interface RenderOptions {
  locale: DocumentLocale;
  /** The reader's IANA time zone: instants in the document are given in it, and it is named. */
  timeZone: string;
  generatedAt: Date;
}

// DejaVu covers Latin with every diacritic, Greek and Cyrillic. It ships through npm
// (dejavu-fonts-ttf), so a bare server needs no system font; pdfkit embeds the subset used.
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function dejaVu(): { regular: Buffer; bold: Buffer } {
  fonts ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
  return fonts;
}

/** An instant as the reader reads it: "2 de marzo de 2026, 8:30 (America/Mexico_City)". */
export function formatInstant(locale: DocumentLocale, iso: string, timeZone: string): string {
  const when = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${when} (${timeZone})`;
}

const MARGIN = { top: 56, bottom: 72, left: 56, right: 56 };
const SIZE = { title: 16, heading: 12, body: 10, small: 8 };
const GAP = 4;
/** The blank height above a signature line. */
const SIGNATURE_SPACE = 36;
const LABEL_SHARE = 0.3;
const RULE = '#495057';
const LIGHT_RULE = '#ced4da';
const MUTED = '#495057';

type Doc = PDFKit.PDFDocument;

const width = (doc: Doc) => doc.page.width - MARGIN.left - MARGIN.right;
const bottom = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** A new page when `height` no longer fits on this one. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function rule(doc: Doc, light = false, length = width(doc)): void {
  const y = doc.y;
  doc
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + length, y)
    .lineWidth(light ? 0.5 : 1)
    .strokeColor(light ? LIGHT_RULE : RULE)
    .stroke();
  doc.y = y + (light ? GAP : GAP * 2);
}

/** Label on the left, value beside it; a pair is never split across two pages. */
function fields(doc: Doc, items: readonly DocumentField[]): void {
  const labelWidth = Math.round(width(doc) * LABEL_SHARE);
  const valueWidth = width(doc) - labelWidth - GAP * 3;
  for (const f of items) {
    doc.fontSize(SIZE.body);
    const height = Math.max(
      doc.font('bold').heightOfString(f.label, { width: labelWidth }),
      doc.font('regular').heightOfString(f.value || ' ', { width: valueWidth }),
    );
    ensureRoom(doc, Math.min(height, bottom(doc) - MARGIN.top));
    const y = doc.y;
    doc.font('bold').text(f.label, MARGIN.left, y, { width: labelWidth });
    doc.font('regular').text(f.value, MARGIN.left + labelWidth + GAP * 3, y, { width: valueWidth });
    doc.x = MARGIN.left;
    doc.y = Math.max(doc.y, y + height) + GAP;
  }
}

/** A table whose header row is repeated on every page it runs onto. */
function table(doc: Doc, columns: readonly DocumentColumn[], rows: readonly string[][]): void {
  const total = columns.reduce((a, c) => a + (c.weight ?? 1), 0);
  const widths = columns.map((c) => ((c.weight ?? 1) / total) * width(doc));
  const row = (cells: readonly string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(SIZE.body);
    const heights = cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? 0) - GAP * 2 }));
    return Math.max(...heights) + GAP;
  };
  const draw = (cells: readonly string[], font: 'regular' | 'bold', height: number) => {
    const y = doc.y;
    let x = MARGIN.left;
    doc.font(font).fontSize(SIZE.body);
    for (const [i, c] of cells.entries()) {
      const w = widths[i] ?? 0;
      doc.text(c, x + GAP, y, { width: w - GAP * 2, align: columns[i]?.align ?? 'left' });
      x += w;
    }
    doc.x = MARGIN.left;
    doc.y = y + height;
  };
  const head = columns.map((c) => c.header);
  const headHeight = row(head, 'bold');
  const header = () => {
    draw(head, 'bold', headHeight);
    rule(doc);
  };
  ensureRoom(doc, headHeight + GAP * 3 + (rows[0] ? row(rows[0], 'regular') : 0));
  header();
  for (const cells of rows) {
    const height = row(cells, 'regular');
    if (doc.y + height + GAP > bottom(doc)) {
      doc.addPage();
      header();
    }
    draw(cells, 'regular', height);
    rule(doc, true);
  }
  doc.moveDown(0.5);
}

/** Room to sign above a rule, then the role and the name; a signature is never split across pages. */
function signatures(doc: Doc, lines: readonly { label: string; name: string }[]): void {
  const lineWidth = Math.round(width(doc) * 0.6);
  for (const l of lines) {
    ensureRoom(doc, SIGNATURE_SPACE + SIZE.body * 3 + GAP * 2);
    doc.y += SIGNATURE_SPACE;
    rule(doc, false, lineWidth);
    doc.font('bold').fontSize(SIZE.body).text(l.label, MARGIN.left, doc.y, { width: lineWidth });
    doc.font('regular').text(l.name, MARGIN.left, doc.y, { width: lineWidth });
    doc.x = MARGIN.left;
  }
  doc.moveDown(0.5);
}

function block(doc: Doc, b: DocumentBlock): void {
  if (b.kind === 'fields') fields(doc, b.fields);
  else if (b.kind === 'signatures') signatures(doc, b.lines);
  else if (b.kind === 'table') table(doc, b.columns, b.rows);
  else {
    doc
      .font('regular')
      .fontSize(SIZE.body)
      .text(b.text, MARGIN.left, doc.y, { width: width(doc) });
    doc.moveDown(0.5);
  }
}

/** Page numbers, the generation line and the document's own footer, on every page once laid out. */
function footers(doc: Doc, spec: DocumentSpec, options: RenderOptions): void {
  const range = doc.bufferedPageRange();
  const generated = documentT(options.locale, 'documents.generatedAt', {
    at: formatInstant(options.locale, options.generatedAt.toISOString(), options.timeZone),
  });
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + GAP * 4;
    doc.font('regular').fontSize(SIZE.small).fillColor(MUTED);
    if (spec.footer) doc.text(spec.footer, MARGIN.left, y, { width: width(doc), lineBreak: false });
    const page = documentT(options.locale, 'documents.page', { page: i + 1, pages: range.count });
    const pageWidth = doc.widthOfString(page);
    const line = y + SIZE.small + GAP * 2;
    doc.text(generated, MARGIN.left, line, {
      width: width(doc) - pageWidth - GAP * 4,
      lineBreak: false,
      ellipsis: true,
    });
    doc.text(page, MARGIN.left + width(doc) - pageWidth, line, { lineBreak: false });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

/** Lays out a document as PDF (A4) in the reader's language and time zone. */
export function renderPdf(spec: DocumentSpec, options: RenderOptions): Promise<Buffer> {
  const font = dejaVu();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: INTL_LOCALE[options.locale],
    displayTitle: true,
    info: { Title: spec.title, Creator: 'Enlace', Producer: 'Enlace', CreationDate: options.generatedAt },
    // Not pdfkit's default Helvetica, which has no glyph beyond Latin-1.
    font: FONT_FILES.regular,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', font.regular);
  doc.registerFont('bold', font.bold);
  doc.fillColor('black');

  if (spec.banner) {
    rule(doc);
    doc
      .font('bold')
      .fontSize(SIZE.heading)
      .text(spec.banner.title, { width: width(doc) });
    doc.moveDown(0.3);
    fields(doc, spec.banner.lines);
    rule(doc);
    doc.moveDown(0.5);
  }
  doc
    .font('bold')
    .fontSize(SIZE.title)
    .text(spec.title, MARGIN.left, doc.y, { width: width(doc) });
  doc.moveDown(0.5);
  if (spec.header?.length) {
    fields(doc, spec.header);
    doc.moveDown(0.5);
  }
  for (const section of spec.sections) {
    ensureRoom(doc, SIZE.heading * 4);
    doc
      .font('bold')
      .fontSize(SIZE.heading)
      .text(section.heading, MARGIN.left, doc.y, { width: width(doc) });
    doc.moveDown(0.3);
    for (const b of section.blocks) block(doc, b);
    doc.moveDown(0.5);
  }
  footers(doc, spec, options);
  doc.end();
  return done;
}
