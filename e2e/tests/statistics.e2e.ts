import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO,
  expectAccessible,
  launchBrowser,
  newPage,
  parseNumber,
  signIn,
  snap,
} from '../support/browser';

// The real IOM Missing Migrants sample, read where it lives (not copied into the repository).
const SAMPLE = resolve(
  import.meta.dirname,
  '../..',
  '../shared/data/missing-migrants/MissingMigrants-Global-2026-05-06.csv',
);

/** RFC 4180 CSV: quoted fields with commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The file's own totals: blank counts are unknown and add nothing; IOM's adjustments count as they are. */
function sampleTotals() {
  const [header = [], ...rows] = parseCsv(readFileSync(SAMPLE, 'utf8'));
  const sum = (column: string) => {
    const i = header.indexOf(column);
    if (i < 0) throw new Error(`no column ${column}`);
    return rows.reduce((a, r) => a + (r[i]?.trim() ? Number(r[i]) : 0), 0);
  };
  return {
    incidents: rows.length,
    dead: sum('Number Dead'),
    missing: sum('Minimum Estimated Number of Missing'),
    survivors: sum('Number of Survivors'),
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function kpi(page: Page, key: string): Promise<number> {
  const text = ((await page.getByTestId(`kpi-${key}`).locator('dd').first().textContent()) ?? '').trim();
  return text === 'desconocido' ? 0 : parseNumber(text);
}

async function openDashboard(page: Page, title = 'Estadísticas', query = ''): Promise<void> {
  await page.goto(`${baseUrl()}/stats${query}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByTestId('kpi-incidents').waitFor();
  // The charts draw after their data arrive.
  await page.locator('canvas').first().waitFor();
  await page.waitForTimeout(400);
}

describe('statistics, import and map', () => {
  it('a malformed Missing Migrants file changes nothing; the real sample is imported and its totals reach the dashboard', async () => {
    const expected = sampleTotals();
    expect(expected.incidents).toBe(238);
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin);
    // Every region: the global file holds the Mediterranean and the rest of the world too.
    await page.goto(`${baseUrl()}/stats?region=all`);
    await openDashboard(page, 'Estadísticas', '?region=all');
    const before = {
      incidents: await kpi(page, 'incidents'),
      dead: await kpi(page, 'dead'),
      missing: await kpi(page, 'missing'),
      survivors: await kpi(page, 'survivors'),
    };
    await expectAccessible(page, 'dashboard (network administrator)');

    await page.getByRole('link', { name: 'Importar datos de Missing Migrants' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Importar datos de Missing Migrants' }).waitFor();
    expect(await page.getByLabel('Registros propiedad de').inputValue()).toBe('IOM');
    await expectAccessible(page, 'import screen');

    // Two good rows and a bad one: nothing at all is imported, and the bad row is explained.
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    const malformed = [
      lines[0],
      lines[1],
      lines[2],
      '2026.MMPBAD,2026.MMPBAD,Caribbean,"Thu, 13/45/2026 - 12:00",2026,January,abc,0,,,1,,x,y,z,w,s,"1000, 5",r,u,g,9',
    ].join('\n');
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'malformed.csv', mimeType: 'text/csv', buffer: Buffer.from(malformed) });
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'No se importó nada' }).first().waitFor();
    const errors = page.getByRole('table', { name: 'Errores del archivo' });
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    for (const column of ['Incident Date', 'Number Dead', 'Coordinates', 'Source Quality']) {
      expect(text).toContain(column);
    }
    await expectAccessible(page, 'import with row errors');
    await snap(page, 'import-errors');

    await page.locator('#import-file').setInputFiles(SAMPLE);
    await page.getByRole('button', { name: 'Solo revisar el archivo' }).click();
    await page.getByText('El archivo se puede importar').waitFor();
    await page.getByRole('button', { name: 'Importar', exact: true }).click();
    await page.getByText('Importación terminada').waitFor();
    expect(await page.getByText(/238 filas importadas \(nuevas: 238;/).count()).toBe(1);
    await snap(page, 'import-done');

    await page.getByRole('link', { name: 'Ver el tablero' }).click();
    await page.getByRole('heading', { level: 1, name: 'Estadísticas' }).waitFor();
    // The dashboard opens on the network's region; removed, it counts the whole file.
    await page.getByTestId('region-filter').waitFor();
    await page.getByRole('button', { name: /^Quitar el filtro de región/ }).click();
    await page.waitForFunction((n) => {
      const dd = document.querySelector('[data-testid="kpi-incidents"] dd');
      return dd && Number((dd.textContent ?? '').replace(/\D/g, '')) !== n;
    }, before.incidents);
    expect((await kpi(page, 'incidents')) - before.incidents).toBe(expected.incidents);
    expect((await kpi(page, 'dead')) - before.dead).toBe(expected.dead);
    expect((await kpi(page, 'missing')) - before.missing).toBe(expected.missing);
    expect((await kpi(page, 'survivors')) - before.survivors).toBe(expected.survivors);

    // The period of the sample alone: January to May 2026, by month, as the data table shows it.
    await page.getByLabel('Desde (mes)').fill('2026-01');
    await page.getByLabel('Hasta (mes)').fill('2026-05');
    await page.waitForTimeout(800);
    const overTime = page.getByRole('region', { name: 'Incidentes en el tiempo' });
    await overTime.getByRole('button', { name: 'Ver la tabla de datos' }).click();
    await overTime.getByRole('table').waitFor();
    expect(await overTime.getByRole('table').textContent()).toContain('may 2026');
    await expectAccessible(page, 'dashboard with a data table open');
    // Grouped by year instead: one row for 2026.
    await page.getByRole('radiogroup', { name: 'Agrupar por' }).locator('label', { hasText: 'Año' }).click();
    await overTime.getByRole('columnheader', { name: 'Año' }).waitFor();
    const byYear = (await overTime.getByRole('table').textContent()) ?? '';
    expect(byYear).toContain('2026');
    expect(byYear).not.toContain('may 2026');
    await snap(page, 'dashboard-admin');
    await context.close();
  });

  it('an observer sees only aggregates, with small cells suppressed', async () => {
    // The observer's saved language is English.
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.observer);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Incidents and cases' }).count()).toBe(0);
    await openDashboard(page, 'Statistics');
    await page.getByText('Small numbers are withheld').waitFor();
    expect(await page.getByRole('link', { name: 'Import Missing Migrants data' }).count()).toBe(0);
    // Each button becomes "Hide data table" once its table is open.
    const show = page.getByRole('button', { name: 'Show data table' });
    while ((await show.count()) > 0) await show.first().click();
    const suppressed = page.locator('.suppressed-cell');
    await suppressed.first().waitFor();
    expect(await suppressed.count()).toBeGreaterThan(0);
    expect(await suppressed.first().textContent()).toMatch(/^suppressed/);
    // No count of 1 to 4 persons in any table of persons (counts of incidents or cases are not persons).
    for (const section of await page.locator('main section').all()) {
      const title = ((await section.locator('h2').first().textContent()) ?? '').trim();
      if (!/Persons|Dead|Children|Women|flows/.test(title)) continue;
      for (const cell of await section.locator('td').all()) {
        expect(((await cell.textContent()) ?? '').trim(), `${title}`).not.toMatch(/^[1-4]$/);
      }
    }
    await expectAccessible(page, 'dashboard (observer)');
    await snap(page, 'dashboard-observer');

    await page.goto(`${baseUrl()}/incidents`);
    await page.getByRole('heading', { level: 1, name: 'Not available for your role' }).waitFor();
    await context.close();
  });

  it('the map draws country shapes from the bundled boundaries, incident clusters and route flows', async () => {
    const { context, page } = await newPage(browser);
    const blocked: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseUrl()) && !r.url().startsWith('data:')) blocked.push(r.url());
    });
    await signIn(page, DEMO.liaisonMx);
    await page.goto(`${baseUrl()}/stats`);
    await page
      .getByRole('navigation', { name: 'Estadísticas y mapas' })
      .getByRole('link', { name: 'Mapa' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mapa de incidentes' }).waitFor();
    const map = page.getByRole('region', { name: 'Mapa de incidentes y flujos de rutas' });
    await page.waitForFunction(
      () => Number(document.querySelector('.incident-map')?.getAttribute('data-countries')) > 100,
    );
    await page.waitForFunction(
      () => Number(document.querySelector('.incident-map')?.getAttribute('data-markers')) > 0,
    );
    expect(await map.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(100);
    expect(await map.locator('.map-cluster').count()).toBeGreaterThan(0);
    expect(await map.locator('path.map-flow').count()).toBeGreaterThan(0);
    expect(blocked).toEqual([]);
    await expectAccessible(page, 'map');
    await snap(page, 'map');

    // A cluster zooms in when chosen; far enough in, the liaison's own incidents come one by one.
    const zoomBefore = await page.evaluate(() =>
      document.querySelector('.incident-map')?.getAttribute('data-markers'),
    );
    await map.locator('.map-cluster').first().click();
    await page.waitForFunction(
      (n) => document.querySelector('.incident-map')?.getAttribute('data-markers') !== n,
      zoomBefore,
    );
    await page.getByText('Ver las cifras en tablas').click();
    await page
      .getByRole('table', { name: /Incidentes por zona|Incidentes de su país/ })
      .first()
      .waitFor();
    await context.close();
  });

  it('an analyst adds a national database to the inventory', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.goto(`${baseUrl()}/stats/databases`);
    await page.getByRole('heading', { level: 1, name: 'Inventario de bases de datos' }).waitFor();
    await page.getByRole('table', { name: 'Inventario de bases de datos' }).waitFor();
    await expectAccessible(page, 'database inventory');
    const name = `Registro de aprehensiones (e2e ${Date.now()})`;
    await page.getByRole('button', { name: 'Nueva base de datos' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nueva base de datos en el inventario' });
    await dialog.waitFor();
    await dialog.getByLabel('Base de datos').fill(name);
    await dialog.getByLabel('Propietario').fill('Policía Nacional — Unidad contra el tráfico de migrantes');
    await dialog.getByLabel('Cobertura').fill('nacional');
    await dialog.getByLabel('Desde el año').fill('2018');
    await dialog.getByLabel('Campos').fill('fecha\nlugar\nnacionalidad\nsexo');
    await dialog.getByLabel('Frecuencia de actualización').selectOption('monthly');
    await dialog.getByLabel('Se comparte').selectOption('shared_regional');
    await dialog.getByLabel('Calidad de los datos').selectOption('fair');
    await page.waitForTimeout(200);
    await expectAccessible(page, 'database inventory form');
    await dialog.getByRole('button', { name: 'Añadir al inventario' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('Compartida a nivel regional');
    expect(await row.textContent()).toContain('2018');
    await snap(page, 'database-inventory');
    await context.close();
  });
});
