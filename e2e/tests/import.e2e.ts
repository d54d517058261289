import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';

// The real IOM Missing Migrants sample, read where it lives (not copied into the repository).
const SAMPLE = resolve(
  import.meta.dirname,
  '../..',
  '../shared/data/missing-migrants/MissingMigrants-Global-2026-05-06.csv',
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Missing Migrants import page', () => {
  it('says what is missing in the interface language, previews the file and checks it as a job', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin);
    await page.goto(`${baseUrl()}/incidents/import`);
    await page.getByRole('heading', { level: 1, name: 'Importar datos de Missing Migrants' }).waitFor();
    await page
      .getByText('Formato: exportación del Proyecto Migrantes Desaparecidos de la OIM (CSV).')
      .waitFor();

    // No file chosen, then an empty one: each refused in Spanish, before anything is sent.
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByText('Elija un archivo CSV para importar.').waitFor();
    expect(await page.locator('#import-file').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'import page, no file');
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByText('El archivo elegido está vacío. Elija un archivo CSV con datos.').waitFor();

    // The sample with one column of the user's own: the layout in words, each column's field,
    // the unknown column flagged, the first rows' values.
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').split('\n');
    const extra = [`${header},Notas propias`, ...rows.slice(0, 20).map((r) => `${r},revisar`)].join('\n');
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'con-notas.csv', mimeType: 'text/csv', buffer: Buffer.from(extra) });
    await page
      .getByText(
        'Formato reconocido: exportación del Proyecto Migrantes Desaparecidos de la OIM, descarga actual de 22 columnas.',
      )
      .waitFor();
    const preview = page.getByRole('table', { name: 'Columnas del archivo y campos de Enlace que llenan' });
    await preview.waitFor();
    const rowOf = (column: string) =>
      preview.getByRole('row').filter({ has: page.getByRole('rowheader', { name: column, exact: true }) });
    expect(await rowOf('Incident Date').textContent()).toContain('Fecha del incidente');
    expect(await rowOf('Incident Date').textContent()).toContain('Thu, 01/01/2026 - 12:00');
    expect(await rowOf('Number Dead').textContent()).toContain('Muertos');
    expect(await rowOf('Notas propias').textContent()).toContain('No reconocida: no se importa');
    await page.getByText('1 columna no reconocida no se importará.').waitFor();
    await expectAccessible(page, 'import page, preview');
    await snap(page, 'import-preview');

    // A dry run, as a job: checked, nothing saved.
    await page.getByRole('button', { name: 'Solo revisar el archivo' }).click();
    await page.getByText('El archivo se puede importar').waitFor();
    // Another spec may have imported the same sample before: rows are then new or amendments.
    await page.getByText(/20 filas leídas \(/).waitFor();
    await expectAccessible(page, 'import page, checked');
    await context.close();
  });
});
