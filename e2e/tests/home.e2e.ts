import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('home as a work queue, and the dashboard opening its records', () => {
  it('shows an analyst what waits, what was shared with their country and their records, at 1366 and 390 px', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.getByRole('heading', { level: 1, name: 'Inicio' }).waitFor();
    for (const name of [
      'Pendiente para usted',
      'Compartido con Panamá',
      'Sus incidentes recientes',
      'Sus casos recientes',
    ]) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    // Demo accounts have no second factor: the first thing waiting, with where to deal with it.
    const mfa = page.getByTestId('task-mfa_off');
    await mfa.getByRole('link', { name: 'Activar la verificación en dos pasos' }).waitFor();
    // The capabilities stay one click away, compactly.
    await page
      .getByRole('navigation', { name: 'Ir a' })
      .getByRole('link', { name: 'Incidentes y casos' })
      .waitFor();
    await expectAccessible(page, 'home (analyst, 1366)');
    await snap(page, 'home-analyst-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'home (analyst, 390)');
    await snap(page, 'home-analyst-390');
    await context.close();
  });

  it('shows an observer no records, only what waits for them', async () => {
    const { context, page } = await newPage(browser, 'en-GB');
    await signIn(page, DEMO.observer);
    await page.getByRole('heading', { level: 2, name: 'Waiting for you' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Your recent incidents' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: /^Shared with/ }).count()).toBe(0);
    await expectAccessible(page, 'home (observer)');
    await context.close();
  });

  it('defaults the dashboard to the Americas, removably, and a route row opens its incidents', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.analyst);
    await page.goto(`${baseUrl()}/stats`);
    await page.getByRole('heading', { level: 1, name: 'Estadísticas' }).waitFor();
    const pill = page.getByTestId('region-filter');
    await pill.waitFor();
    expect(await pill.textContent()).toContain('Región: Las Américas');
    await page.locator('canvas').first().waitFor();
    await page
      .getByText('Seleccione una barra o un punto, o una fila de la tabla de datos')
      .first()
      .waitFor();

    const routes = page.getByRole('region', { name: 'Incidentes por ruta' });
    await routes.getByRole('button', { name: 'Ver la tabla de datos' }).click();
    const link = routes.getByRole('table').getByRole('link').first();
    await link.waitFor();
    await expectAccessible(page, 'dashboard with drill-down links');
    await snap(page, 'dashboard-analyst-1366');
    const href = (await link.getAttribute('href')) ?? '';
    const params = new URL(href, baseUrl()).searchParams;
    expect(new URL(href, baseUrl()).pathname).toBe('/incidents');
    expect(params.get('region')).toBe('americas');
    expect(params.get('route')).toMatch(/^[a-z0-9_]+$/);
    await link.click();
    await page.waitForURL((url) => url.pathname === '/incidents' && url.searchParams.get('route') !== null);
    await page.getByRole('heading', { level: 1, name: 'Incidentes' }).waitFor();

    // Removing the default region shows every region, and says so in the address.
    await page.goBack();
    await page.getByTestId('region-filter').waitFor();
    await page.getByRole('button', { name: /^Quitar el filtro de región/ }).click();
    await page.waitForURL((url) => url.searchParams.get('region') === 'all');
    expect(await page.getByTestId('region-filter').count()).toBe(0);
    expect(await page.getByLabel('Región', { exact: true }).inputValue()).toBe('');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'dashboard (390)');
    await snap(page, 'dashboard-analyst-390');
    await context.close();
  });
});
