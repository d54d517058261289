import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('notifications', () => {
  it('counts what waits in the bell, lists it in words with a link, and marks it read, at 1366 and 390 px', async () => {
    const { context, page } = await newPage(browser);
    // The demo's Guatemalan liaison opened an urgent alert to Mexico.
    await signIn(page, DEMO.liaisonMx);
    const bell = page.getByRole('link', { name: /notificaci(ón|ones) sin leer/ });
    await bell.waitFor();
    const label = (await bell.getAttribute('aria-label')) ?? '';
    expect(Number.parseInt(label, 10)).toBeGreaterThanOrEqual(1);

    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notificaciones' }).waitFor();
    const item = page.getByRole('link', { name: /Se le añadió al intercambio EX-GTM-/ }).first();
    await item.waitFor();
    await expectAccessible(page, 'notifications (1366)');
    await snap(page, 'notifications-es-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    // The pointer off the header, so that no tooltip is caught fading in.
    await page.mouse.move(200, 700);
    await page.waitForTimeout(300);
    await expectAccessible(page, 'notifications (390)');
    await snap(page, 'notifications-es-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.getByRole('button', { name: 'Marcar todas como leídas' }).click();
    await page.getByRole('link', { name: '0 notificaciones sin leer' }).waitFor();
    await page.getByLabel(/Solo sin leer/).check();
    await page.getByText('No hay nada sin leer.').waitFor();
    // The e-mail switch says why it is off: this demo sends no e-mail.
    await page
      .getByText('Esta instalación no envía correos: las notificaciones están solo en Enlace.')
      .waitFor();
    await context.close();
  });
});
