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

/** Chooses the interface language from the menu (saved on the account) at the current width. */
async function chooseLanguage(page: Page, current: RegExp, name: string) {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/locale') && r.ok());
  await page.getByRole('button', { name: current }).click();
  await page.getByRole('menuitem', { name }).click();
  await saved;
}

/** Where a place's label is on the page (its dot), if it is named now. */
const labelAt = (page: Page, label: string) =>
  page.evaluate((text) => {
    const el = Array.from(document.querySelectorAll('.incident-map .map-place')).find(
      (e) => e.textContent === text,
    );
    const box = el?.getBoundingClientRect();
    return box ? { x: box.left + 3, y: box.top + box.height / 2 } : null;
  }, label);

/** Zooms the map in by double-clicks on a place's label, until it reaches `zoom`. */
async function zoomInOn(page: Page, label: string, zoom: number) {
  while (Number(await zoomOf(page)) < zoom) {
    const before = await zoomOf(page);
    const at = await labelAt(page, label);
    // Not named yet (from zoom 3, and never under a marker): the map's own zoom button.
    if (!at) await page.locator('.incident-map .leaflet-control-zoom-in').dispatchEvent('click');
    // The dot of the label; labels take no clicks, the map below them does.
    else await page.mouse.dblclick(at.x, at.y);
    await page.waitForFunction(
      (z) => Number(document.querySelector('.incident-map')?.getAttribute('data-zoom')) > Number(z),
      before,
    );
    await page.waitForTimeout(300);
  }
}

/** The labels of the map whose boxes overlap one another: names must never cover each other. */
const overlappingLabels = (page: Page) =>
  page.evaluate(() => {
    const boxes = Array.from(
      document.querySelectorAll('.incident-map .map-place, .incident-map .map-area-name'),
    ).map((e) => e.getBoundingClientRect());
    let n = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i] as DOMRect;
        const b = boxes[j] as DOMRect;
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) n++;
      }
    return n;
  });

describe('the basemap in the reader’s language, zoomed into Guatemala', () => {
  for (const width of [1366, 390]) {
    it(`names cities in French, fetches and draws Guatemala’s departments once zoomed in, and keeps flows light (${width} px)`, async () => {
      const { context, page } = await newPage(browser);
      const admin1Requests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('gazetteer-admin1')) admin1Requests.push(r.url());
      });
      await signIn(page, DEMO.liaisonGt);
      await chooseLanguage(page, /^Idioma/, 'Français');
      try {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${baseUrl()}/stats/map`);
        await page.getByRole('heading', { level: 1, name: 'Carte des incidents' }).waitFor();
        await page.waitForFunction(
          () => Number(document.querySelector('.incident-map')?.getAttribute('data-countries')) > 100,
        );
        // Without the incident markers, under which no name is drawn: the basemap alone.
        await page.getByRole('checkbox', { name: 'Incidents', exact: true }).uncheck();
        await page.waitForFunction(
          () => document.querySelectorAll('.incident-map .map-cluster').length === 0,
        );
        await page.waitForFunction(() => document.querySelectorAll('.incident-map .map-place').length > 0);
        const names = () =>
          page.$$eval('.incident-map .map-place, .incident-map .map-area-name', (els) =>
            els.map((e) => e.textContent ?? ''),
          );
        // Mexico City is "Mexico" in French, never its Spanish or English name.
        expect(await names()).toContain('Mexico');
        expect(await names()).not.toContain('Ciudad de México');
        expect(await names()).not.toContain('Mexico City');
        expect(await overlappingLabels(page)).toBe(0);

        // At the scale of the continent: no first-level areas fetched, only the largest flows,
        // and a legend that says what a line's width means.
        expect(Number(await zoomOf(page))).toBeLessThan(4);
        expect(admin1Requests).toEqual([]);
        await page.waitForFunction(
          () => Number(document.querySelector('.incident-map')?.getAttribute('data-flows')) > 0,
        );
        const flows = Number(await page.locator('.incident-map').getAttribute('data-flows'));
        expect(flows).toBeLessThanOrEqual(6);
        const legend = page.getByTestId('flow-legend');
        expect(await legend.textContent()).toContain('Épaisseur du trait : incidents sur l’itinéraire');
        expect(await legend.getByRole('listitem').count()).toBeGreaterThan(0);

        // Zoomed into Guatemala City ("Guatemala" in French): its departments, drawn and named.
        await zoomInOn(page, 'Guatemala', 7);
        await page.waitForFunction(
          () => document.querySelectorAll('.incident-map path.map-admin1').length > 0,
        );
        expect(admin1Requests).toHaveLength(1);
        const inView = await page.evaluate(() => {
          const map = document.querySelector('.incident-map')?.getBoundingClientRect();
          if (!map) return 0;
          return Array.from(document.querySelectorAll('.incident-map path.map-admin1'))
            .map((p) => p.getBoundingClientRect())
            .filter(
              (b) => b.right > map.left && b.left < map.right && b.bottom > map.top && b.top < map.bottom,
            ).length;
        });
        expect(inView).toBeGreaterThan(0);
        // Guatemala's departments (Natural Earth's names), at least three of them named.
        const departments = [
          'Alta Verapaz',
          'Baja Verapaz',
          'Chimaltenango',
          'Chiquimula',
          'El Progreso',
          'Escuintla',
          'Guatemala',
          'Huehuetenango',
          'Izabal',
          'Jalapa',
          'Jutiapa',
          'Petén',
          'Quezaltenango',
          'Quiché',
          'Retalhuleu',
          'Sacatepéquez',
          'San Marcos',
          'Santa Rosa',
          'Sololá',
          'Suchitepéquez',
          'Totonicapán',
          'Zacapa',
        ];
        await page.waitForFunction(
          (list) =>
            Array.from(document.querySelectorAll('.incident-map .map-area-name')).filter((e) =>
              list.includes(e.textContent ?? ''),
            ).length >= 3,
          departments,
        );
        expect(await names()).toContain('Guatemala');
        expect(await overlappingLabels(page)).toBe(0);
        await expectAccessible(page, `map zoomed into Guatemala, French ${width}`);
        await snap(page, `map-guatemala-fr-${width}`);
      } finally {
        await page.setViewportSize({ width: 1366, height: 900 });
        await chooseLanguage(page, /^Langue/, 'Español');
        await context.close();
      }
    });
  }
});
