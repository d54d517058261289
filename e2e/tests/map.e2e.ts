import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const zoomOf = (page: Page) =>
  page.evaluate(() => document.querySelector('.incident-map')?.getAttribute('data-zoom') ?? '');

/** Markers whose boxes overlap one another: clusters must never hide each other. */
const overlapping = (page: Page) =>
  page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll('.incident-map .map-cluster')).map((e) =>
      e.getBoundingClientRect(),
    );
    let n = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as DOMRect;
        const b = boxes[j] as DOMRect;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
      }
    return n;
  });

describe('the map', () => {
  for (const width of [1366, 390]) {
    it(`clusters never overlap, can be reached with Tab, are named and zoom in when chosen (${width} px)`, async () => {
      const { context, page } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, DEMO.liaisonMx);
      await page.goto(`${baseUrl()}/stats/map`);
      await page.getByRole('heading', { level: 1, name: 'Mapa de incidentes' }).waitFor();
      const map = page.getByRole('region', { name: 'Mapa de incidentes y flujos de rutas' });
      await page.waitForFunction(
        () => Number(document.querySelector('.incident-map')?.getAttribute('data-markers')) > 0,
      );
      // Place names from the shipped gazetteer, and arrows on the route flows.
      await page.waitForFunction(() => document.querySelectorAll('.incident-map .map-place').length > 0);
      await page.waitForFunction(
        () => Number(document.querySelector('.incident-map')?.getAttribute('data-countries')) > 100,
      );
      await page.waitForFunction(() => document.querySelectorAll('.incident-map path.map-flow').length > 1);
      expect(await overlapping(page)).toBe(0);
      await expectAccessible(page, `map ${width}`);
      await snap(page, `map-${width}`);

      // Every cluster is a named button in the tab order; Enter zooms in on it.
      const cluster = map.getByRole('button', { name: /incidentes? · Migrantes/ }).first();
      expect(await cluster.getAttribute('tabindex')).toBe('0');
      expect(await cluster.getAttribute('aria-label')).toMatch(/Selecciónelo para acercar/);
      const before = await zoomOf(page);
      await cluster.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (z) => Number(document.querySelector('.incident-map')?.getAttribute('data-zoom')) > Number(z),
        before,
      );
      // A click zooms in too, and the clusters still do not overlap.
      const next = await zoomOf(page);
      await map.locator('.map-cluster').first().click();
      await page.waitForFunction(
        (z) => Number(document.querySelector('.incident-map')?.getAttribute('data-zoom')) > Number(z),
        next,
      );
      expect(await overlapping(page)).toBe(0);
      await context.close();
    });
  }
});

describe('the map picker of the incident form', () => {
  for (const width of [1366, 390]) {
    it(`a click sets the coordinates, typed ones move the marker, and a land incident at sea is warned of (${width} px)`, async () => {
      const { context, page } = await newPage(browser);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, DEMO.liaisonMx);
      await page.goto(`${baseUrl()}/incidents/new`);
      await page.getByRole('heading', { level: 1, name: 'Nuevo informe de incidente' }).waitFor();
      const picker = page.getByRole('region', { name: 'Mapa para elegir el lugar del incidente' });
      await page.waitForFunction(
        () => document.querySelector('.location-picker')?.getAttribute('data-ready') === 'true',
      );
      const latitude = page.getByLabel('Latitud');
      const longitude = page.getByLabel('Longitud');
      expect(await latitude.inputValue()).toBe('');
      await picker.scrollIntoViewIfNeeded();
      const box = await picker.boundingBox();
      if (!box) throw new Error('no picker');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(
        () => (document.querySelector('input[id]') as HTMLInputElement | null) !== null,
      );
      await expect.poll(() => latitude.inputValue()).not.toBe('');
      const lat = Number((await latitude.inputValue()).replace(',', '.'));
      const lon = Number((await longitude.inputValue()).replace(',', '.'));
      expect(lat).toBeGreaterThan(-8);
      expect(lat).toBeLessThan(52);
      expect(lon).toBeGreaterThan(-125);
      expect(lon).toBeLessThan(-55);
      expect(await picker.locator('.picker-pin').count()).toBe(1);

      // A land incident typed in the Gulf of Mexico: a warning, and the form still saves it.
      await page.getByLabel('Vía').selectOption('land');
      await latitude.fill('25');
      await longitude.fill('-90');
      const warning = page.getByTestId('place-warning');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('en el mar');
      // Typed on land (Tapachula): the warning goes; by sea, it says so the other way.
      await latitude.fill('14.905');
      await longitude.fill('-92.262');
      await warning.waitFor({ state: 'detached' });
      await page.getByLabel('Vía').selectOption('sea');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('en tierra');
      await expectAccessible(page, `incident form with picker ${width}`);
      await snap(page, `picker-${width}`);
      await context.close();
    });
  }
});
