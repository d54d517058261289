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

describe('lists', () => {
  it('the incident list opens filtered from a link, sorts, pages, changes page size, remembers its columns and becomes cards on a phone', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.liaisonMx);
    // The dashboard links to the list with its filters in the address.
    await page.goto(`${baseUrl()}/incidents?country=MEX&mode=sea`);
    const table = page.getByRole('table', { name: 'Incidentes' });
    await table.locator('tbody tr').first().waitFor();
    const chips = page.getByRole('list', { name: 'Filtros:' });
    await chips.getByText('Marítima').waitFor();
    await chips.getByText('México').waitFor();
    await expectAccessible(page, 'incident list, filtered, 1366');
    await snap(page, 'lists-incidents-1366');

    // A filter chip removes its filter from the list and the address.
    await page.getByRole('button', { name: 'Quitar el filtro Vía: Marítima' }).click();
    await page.waitForURL((u) => !u.search.includes('mode='));
    expect(new URL(page.url()).searchParams.get('country')).toBe('MEX');
    expect(await chips.textContent()).not.toContain('Marítima');

    // Sorting by a column: a button in its header, aria-sort says the order, the address keeps it.
    const deadHeader = table.getByRole('columnheader', { name: 'Fallecidos' });
    await deadHeader.getByRole('button').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'dead');
    expect(await deadHeader.getAttribute('aria-sort')).toBe('ascending');
    await deadHeader.getByRole('button').click();
    await page.waitForURL((u) => u.searchParams.get('dir') === null || u.searchParams.get('dir') === 'desc');
    expect(await deadHeader.getAttribute('aria-sort')).toBe('descending');
    expect(
      await table.getByRole('columnheader', { name: 'Fecha (local)' }).getAttribute('aria-sort'),
    ).toBeNull();

    // Page size, then the second page.
    await page.getByLabel('Filas por página').selectOption('10');
    await page.waitForURL((u) => u.searchParams.get('limit') === '10');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(10);
    const range = page.getByText(/^1–10 de /);
    await range.waitFor();
    await page.getByRole('button', { name: 'Página 2', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('offset') === '10');
    await page.getByText(/^11–20 de /).waitFor();

    // Column choice: hide one, show another; the choice survives a reload.
    await page.getByRole('button', { name: 'Columnas' }).click();
    await page.getByRole('checkbox', { name: 'Vía' }).uncheck();
    await page.getByRole('checkbox', { name: 'Ruta conocida' }).check();
    await page.keyboard.press('Escape');
    await table.getByRole('columnheader', { name: 'Ruta conocida' }).waitFor();
    expect(await table.getByRole('columnheader', { name: 'Vía', exact: true }).count()).toBe(0);
    await page.reload();
    await table.getByRole('columnheader', { name: 'Ruta conocida' }).waitFor();
    expect(await table.getByRole('columnheader', { name: 'Vía', exact: true }).count()).toBe(0);
    // The reload kept sort, page size and page (they are in the address).
    expect(await table.getByRole('columnheader', { name: 'Fallecidos' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await page.getByText(/^11–20 de /).waitFor();

    // On a phone each row is a card of label: value pairs, with no horizontal scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    const cards = page.getByRole('list', { name: 'Incidentes' });
    await cards.getByRole('listitem').first().waitFor();
    expect(await page.getByRole('table', { name: 'Incidentes' }).count()).toBe(0);
    expect(await cards.getByRole('listitem').count()).toBe(10);
    expect(await cards.locator('dt').first().textContent()).toBeTruthy();
    // Once the layout has settled after the resize (the navigation collapses with a transition).
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5000 })
      .toBeLessThanOrEqual(390);
    await page.getByLabel('Ordenar por').selectOption('reference:asc');
    await page.waitForURL((u) => u.searchParams.get('sort') === 'reference');
    await expectAccessible(page, 'incident list, cards, 390');
    await snap(page, 'lists-incidents-390');
    await context.close();
  });

  it('the case list sorts on the server and searches, with the state in the address', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.prosecutor);
    await page.goto(`${baseUrl()}/cases`);
    const table = page.getByRole('table', { name: 'Casos' });
    await table.locator('tbody tr').first().waitFor();
    const reference = table.getByRole('columnheader', { name: 'Número de caso' });
    await reference.getByRole('button').click();
    await page.waitForURL((u) => u.searchParams.get('sort') === 'reference');
    expect(await reference.getAttribute('aria-sort')).toBe('ascending');
    const refs = await table.locator('tbody tr td:first-child').allTextContents();
    expect(refs).toEqual([...refs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await expectAccessible(page, 'case list, 1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('list', { name: 'Casos' }).getByRole('listitem').first().waitFor();
    await expectAccessible(page, 'case list, cards, 390');
    await context.close();
  });
});
