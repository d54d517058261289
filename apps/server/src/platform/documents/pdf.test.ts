import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { formatInstant, renderPdf } from './pdf';

async function pages(pdf: Buffer): Promise<string[][]> {
  const parsed = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
  return parsed.pages.map((p) => p.text.split('\n').filter((l) => l.trim()));
}

describe('renderPdf', () => {
  const at = new Date('2026-03-02T14:30:00.000Z');

  it('opens with the banner, keeps non-Latin text and numbers every page in the reader’s language', async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`Fila ${i + 1}`, 'Ñandú ĉ Ελλάδα Кириллица']);
    const pdf = await renderPdf(
      {
        banner: { title: 'Aviso', lines: [{ label: 'Código', value: 'H2 — Sin difusión' }] },
        title: 'Recibo de pertenencias',
        header: [{ label: 'Centro', value: 'Tapachula' }],
        sections: [
          {
            heading: 'Objetos',
            blocks: [
              { kind: 'paragraph', text: 'Mwen resevwa tout bagay mwen yo: òè à.' },
              { kind: 'table', columns: [{ header: 'Objeto' }, { header: 'Descripción', weight: 3 }], rows },
            ],
          },
        ],
        footer: 'REF-2026-1',
      },
      { locale: 'ht', timeZone: 'America/Port-au-Prince', generatedAt: at },
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pages(pdf);
    expect(text.length).toBeGreaterThan(1);
    const [first = []] = text;
    expect(first[0]).toBe('Aviso');
    expect(first[1]).toBe('Código H2 — Sin difusión');
    expect(first[2]).toBe('Recibo de pertenencias');
    expect(first.join('\n')).toContain('Mwen resevwa tout bagay mwen yo: òè à.');
    expect(first.join('\n')).toContain('Ñandú ĉ Ελλάδα Кириллица');
    // The table's header comes back on the page it runs onto.
    expect(text[1]?.[0]).toBe('Objeto Descripción');
    for (const [i, page] of text.entries()) {
      const foot = page.slice(-2).join('\n');
      expect(foot).toContain('REF-2026-1');
      expect(foot).toContain(`Paj ${i + 1} sou ${text.length}`);
      expect(foot).toContain('(America/Port-au-Prince)');
    }
  });

  it('draws lines to sign on, each with its role and the signer’s name, never split across pages', async () => {
    const lines = Array.from({ length: 14 }, (_, i) => ({
      label: `Rol ${i + 1}`,
      name: `Firmante ${i + 1}`,
    }));
    const pdf = await renderPdf(
      { title: 'Firmas', sections: [{ heading: 'Firmas', blocks: [{ kind: 'signatures', lines }] }] },
      { locale: 'es', timeZone: 'UTC', generatedAt: at },
    );
    const text = await pages(pdf);
    expect(text.length).toBeGreaterThan(1);
    for (const page of text)
      for (const [i, line] of page.entries())
        if (line.startsWith('Rol ')) expect(page[i + 1]).toBe(`Firmante ${line.slice(4)}`);
    expect(text.flat().filter((l) => l.startsWith('Firmante '))).toHaveLength(14);
  });

  it('writes instants in the reader’s zone and language, naming the zone', () => {
    const es = formatInstant('es', '2026-03-02T14:30:00.000Z', 'America/Mexico_City');
    expect(es).toMatch(/^2 de marzo de 2026\D+8:30 \(America\/Mexico_City\)$/);
    expect(formatInstant('en', '2026-03-02T14:30:00.000Z', 'UTC')).toMatch(
      /^March 2, 2026\D+2:30 PM \(UTC\)$/,
    );
    // ICU has no Haitian Creole: Haiti's French conventions.
    const ht = formatInstant('ht', '2026-03-02T14:30:00.000Z', 'America/Port-au-Prince');
    expect(ht).toMatch(/^2 mars 2026\D+09:30 \(America\/Port-au-Prince\)$/);
  });
});
