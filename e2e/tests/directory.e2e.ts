import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO,
  expectAccessible,
  launchBrowser,
  newPage,
  signIn,
  snap,
  waitForLang,
} from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ADMIN_MX = 'admin.mx@demo.enlace.example';
const NAME = 'José Pérez (prueba)';

describe('directory of focal points', () => {
  it('the country administrator of Mexico adds a focal point, finds it without accents, verifies it and sees the freshness', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, ADMIN_MX);
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Directorio de puntos focales' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Directorio de puntos focales' }).waitFor();
    await page.getByRole('heading', { name: 'Actualización por país' }).waitFor();
    await page.getByRole('table', { name: 'Directorio de puntos focales' }).waitFor();
    await expectAccessible(page, 'directory list');
    await snap(page, 'directory-list-es-1366');

    await page.getByRole('button', { name: 'Nueva entrada' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nueva entrada del directorio' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: /^Nombre/ }).fill(NAME);
    await dialog.getByRole('textbox', { name: /^Función/ }).fill('Oficial de enlace, tráfico de migrantes');
    await dialog.getByLabel('Investigación e inteligencia').check();
    await dialog.getByLabel('Contacto 24/7').check();
    await dialog.getByLabel('Número o dirección 1').fill('+52 55 1234 5678');
    await dialog.getByRole('button', { name: 'Añadir un canal' }).click();
    await dialog.getByLabel('Tipo de canal 2').selectOption('secure_email');
    await dialog.getByLabel('Número o dirección 2').fill('jose.perez@prueba.example');
    await dialog.getByRole('switch', { name: /Disponible 24 horas/ }).click();
    // The time zone list offers Mexico's zones first.
    await dialog.getByRole('textbox', { name: /^Zona horaria/ }).click();
    await page.getByRole('option', { name: 'America/Mexico_City' }).click();
    await page.waitForTimeout(200);
    await expectAccessible(page, 'new directory entry dialog');
    await snap(page, 'directory-form-es-1366');
    await dialog.getByRole('button', { name: 'Crear la entrada' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Accents and case do not matter to the search.
    await page.getByRole('searchbox', { name: /Buscar por nombre/ }).fill('jose perez');
    await page.waitForURL(/q=jose\+perez/);
    const table = page.getByRole('table', { name: 'Directorio de puntos focales' });
    // The header row and the one match, once the answer to the search has replaced the full list.
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const row = table.getByRole('row', { name: new RegExp(NAME.replace(/[()]/g, '\\$&')) });
    await row.waitFor();
    await expect(row.getByRole('link', { name: '+52 55 1234 5678' }).getAttribute('href')).resolves.toBe(
      'tel:+525512345678',
    );
    await expect(row.getByText('24/7', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await expect(row.getByText(/Hora local/).count()).resolves.toBe(1);
    // The export carries the search.
    const csv = page.getByRole('link', { name: 'Exportar CSV' });
    expect(await csv.getAttribute('href')).toContain('q=jose+perez');

    const answer = page.waitForResponse(
      (r) => r.url().includes('/verify') && r.request().method() === 'POST',
    );
    await row.getByRole('button', { name: `Verificar la entrada de ${NAME}` }).click();
    expect((await answer).status()).toBe(200);
    await page.getByText('Entrada verificada hoy').first().waitFor();

    // Freshness: Mexico's share is shown and filters the list.
    const mexico = page.getByRole('button', { name: /México/ }).filter({ hasText: '%' });
    await mexico.waitFor();
    await mexico.click();
    expect(new URL(page.url()).searchParams.get('country')).toBe('MEX');
    await expect(mexico.getAttribute('aria-pressed')).resolves.toBe('true');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await expectAccessible(page, 'directory list at 390 px');
    await snap(page, 'directory-list-es-390');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    // English and French at both widths, for the screenshots; then back to Spanish (the choice is saved).
    for (const [lang, item] of [
      ['en', 'English'],
      ['fr', 'Français'],
      ['es', 'Español'],
    ] as const) {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.getByRole('button', { name: /^(Idioma|Language|Langue)/ }).click();
      await page.getByRole('menuitem', { name: item }).click();
      await waitForLang(page, lang);
      if (lang === 'es') break;
      await page.waitForTimeout(300);
      await snap(page, `directory-list-${lang}-1366`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      await snap(page, `directory-list-${lang}-390`);
    }
    await context.close();
  });

  it('the country administrator sees and records Foreign Affairs authorisations', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, ADMIN_MX);
    await page.goto(`${baseUrl()}/directory/authorisations`);
    await page.getByRole('heading', { level: 1, name: 'Autorizaciones de la Cancillería' }).waitFor();
    await page.getByRole('table', { name: 'Autorizaciones de la Cancillería' }).waitFor();
    await expectAccessible(page, 'authorisations');
    await snap(page, 'directory-authorisations-es-1366');
    await page.getByRole('button', { name: 'Registrar una autorización' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar una autorización' });
    await dialog.waitFor();
    await page.waitForTimeout(200);
    await expectAccessible(page, 'authorisation dialog');
    await snap(page, 'directory-authorisation-form-es-1366');
    await page.setViewportSize({ width: 390, height: 844 });
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await page.waitForTimeout(300);
    await expectAccessible(page, 'authorisations at 390 px');
    await snap(page, 'directory-authorisations-es-390');
    await context.close();
  });

  it('a liaison reads the directory but cannot add to it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.liaisonMx);
    await page.goto(`${baseUrl()}/directory`);
    await page.getByRole('heading', { level: 1, name: 'Directorio de puntos focales' }).waitFor();
    await page.getByRole('table', { name: 'Directorio de puntos focales' }).getByRole('row').nth(1).waitFor();
    await expect(page.getByRole('button', { name: 'Nueva entrada' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Verificar/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: 'Exportar vCard' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'directory list as a liaison');
    await context.close();
  });
});
