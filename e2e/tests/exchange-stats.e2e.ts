import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, launchBrowser, newPage, signIn, snap } from '../support/browser';
import { apiAs, checkBothWidths } from '../support/exchange';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The cells of a data table's row, their spaces as one (units are kept by no-break spaces). */
async function rowCells(card: ReturnType<Page['getByRole']>, name: string): Promise<string[]> {
  const row = card.getByRole('row').filter({ has: card.page().getByRole('rowheader', { name }) });
  return (await row.first().locator('th, td').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
}

describe('exchange response times on the statistics dashboard', () => {
  it('a liaison sees how fast each country answered, per priority, in a chart and its table', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.liaisonGt);
    await page.goto(`${baseUrl()}/stats`);
    await page.getByRole('heading', { level: 1, name: 'Estadísticas' }).waitFor();
    const card = page.getByRole('region', { name: 'Tiempos de respuesta del intercambio' });
    await card.locator('canvas').waitFor();
    await card.getByRole('button', { name: 'Ver la tabla de datos' }).click();
    await card.getByRole('table').waitFor();
    // The demo's two urgent alerts to Mexico: acknowledged after 25 and 50 min, answered after
    // 2 h 10 min and 9 h 15 min (an hour past its deadline).
    expect(await rowCells(card, 'México')).toEqual([
      'México',
      '2',
      '2',
      '2',
      '25 min / 50 min',
      '2 h 10 min / 9 h 15 min',
      '50 %',
    ]);
    // Normal priority: Mexico's formal request, which Guatemala answered within the week, and
    // whatever other specs of this run exchanged since: the counts are the server's.
    await card.getByRole('radiogroup', { name: 'Prioridad de los intercambios' }).getByText('Normal').click();
    await card.getByRole('rowheader', { name: 'Guatemala' }).waitFor();
    const stats = (await apiAs(page, 'GET', '/api/stats/exchange')).json as {
      rows: { country: string; priority: string; received: number; acknowledged: number; replied: number }[];
    };
    const normal = stats.rows.find((r) => r.country === 'GTM' && r.priority === 'normal');
    expect(normal?.received).toBeGreaterThanOrEqual(1);
    const cells = await rowCells(card, 'Guatemala');
    expect(cells.slice(0, 4)).toEqual([
      'Guatemala',
      String(normal?.received),
      String(normal?.acknowledged),
      String(normal?.replied),
    ]);
    expect(cells[4]).toMatch(/^\d[\d\s]*(min|h|d)/);
    await snap(page, 'stats-exchange-es-1366');
    await checkBothWidths(page, 'dashboard with the exchange response times');
    await context.close();
  });

  it('shows no response times to a role outside the exchange', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.observer);
    await page.goto(`${baseUrl()}/stats`);
    await page.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor();
    await page.getByTestId('kpi-incidents').waitFor();
    expect(await page.getByRole('heading', { name: 'Exchange response times' }).count()).toBe(0);
    await context.close();
  });
});
