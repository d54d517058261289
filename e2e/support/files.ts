// Files to upload in the browser tests, made here rather than kept as binaries in the repository.

/**
 * A real one-page PDF (catalogue, page tree, Helvetica, a content stream, a cross-reference table
 * with exact offsets) that writes `text` (ASCII) on the page.
 */
export function smallPdf(text: string): Buffer {
  const content = `BT /F1 14 Tf 72 770 Td (${text.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The header of a Linux executable (ELF), then code-like bytes: what a renamed program looks like. */
export function elfProgram(): Buffer {
  return Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(400, 0x90)]);
}

/** A real 1 × 1 PNG image (a person's or an item's photo). */
export function smallPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}
