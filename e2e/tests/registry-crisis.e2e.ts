import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  expectAccessible,
  launchBrowser,
  newPage,
  signIn,
  snap,
  waitForLang,
} from '../support/browser';
import { apiAs, checkBothWidths, chooseCodes } from '../support/exchange';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SUPERVISOR = 'supervision.mx@demo.enlace.example';
const ADMIN_MX = 'admin.mx@demo.enlace.example';
const FOCAL = 'Ernesto Villalobos (demo), guardia de estaciones';

const PEOPLE = [
  ['Rosa Elvira', 'Tzul Ajpop', 'female', '1994-03-07'],
  ['Juan Carlos', 'Méndez López', 'male', '1988-11-02'],
] as const;

async function ok(page: Page, method: string, path: string, body?: unknown) {
  const res = await apiAs(page, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
  return res.json;
}

describe('crisis levels of the centres', () => {
  it('the supervisor sets thresholds, admissions cross one, the level and the notice show', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, SUPERVISOR);
    const me = (await ok(page, 'GET', '/api/auth/session')).user as { id: string };

    // The country administrator names the supervisor in the directory, linked to the account.
    const admin = await newPage(browser);
    await signIn(admin.page, ADMIN_MX);
    const entry = await ok(admin.page, 'POST', '/api/directory/entries', {
      countryCode: 'MEX',
      areas: ['detention_alternatives'],
      name: FOCAL,
      function: 'Supervisión de estaciones migratorias',
      languages: ['es'],
      channels: [{ kind: 'work_phone', value: '+52 55 5000 0150' }],
      timeZone: 'America/Mexico_City',
      userId: me.id,
    });
    expect(entry.userId).toBe(me.id);
    await admin.context.close();

    // A small centre: four places, so each admission is a quarter of them.
    const centre = await ok(page, 'POST', '/api/registry/centres', {
      code: `CRISIS-${Date.now()}`,
      names: { es: 'Estación de prueba', en: 'Test station', fr: 'Station d’essai' },
      type: 'custody',
      capacity: { adult_men: 2, adult_women: 2, families: 0, unaccompanied_children: 0 },
    });

    await page.goto(`${baseUrl()}/registry/crisis`);
    await page.getByRole('heading', { level: 1, name: 'Niveles de crisis de los centros' }).waitFor();
    await page.getByText('Sin nivel de crisis', { exact: true }).first().waitFor();
    await expectAccessible(page, 'crisis page, no level');

    const one = page.getByRole('group', { name: 'Nivel 1 — Vigilancia' });
    const two = page.getByRole('group', { name: 'Nivel 2 — Presión' });
    await one.getByRole('textbox', { name: 'Ocupación de cualquier centro (%)' }).fill('50');
    // A higher level below a lower one is refused by the form, in words, and what was typed stays.
    const twoPct = two.getByRole('textbox', { name: 'Ocupación de cualquier centro (%)' });
    await twoPct.fill('40');
    await page.getByRole('button', { name: 'Guardar los umbrales' }).click();
    await page.getByText(/El nivel 2 debe ser de al menos 50/).waitFor();
    await expect(twoPct.inputValue()).resolves.toBe('40');
    await twoPct.fill('100');
    await one.getByRole('textbox', { name: 'Puntos focales a los que avisar' }).click();
    await page.getByRole('option', { name: new RegExp(FOCAL.replace(/[()]/g, '\\$&')) }).click();
    await page.keyboard.press('Escape');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/registry/crisis/thresholds') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Guardar los umbrales' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('Umbrales guardados').waitFor();
    await snap(page, 'registry-crisis-thresholds-es-1366');

    // Two admissions through the API: half the test centre's places, the threshold of level 1 (the
    // demo's own centres stay below half full, so the country as a whole does not count here).
    const admittedAt = new Date(Date.now() - 60_000).toISOString();
    for (const [givenNames, familyNames, sex, birthDate] of PEOPLE) {
      const person = await ok(page, 'POST', '/api/registry/persons', {
        givenNames,
        familyNames,
        sex,
        birthDate,
        birthDatePrecision: 'exact',
        nationality: 'HND',
        languages: ['es'],
      });
      await ok(page, 'POST', '/api/registry/stays', {
        personId: person.id,
        centreId: centre.id,
        unit: sex === 'male' ? 'adult_men' : 'adult_women',
        admittedAt,
        referringAuthority: 'Instituto Nacional de Migración',
        reason: 'Ingreso irregular',
        custodyType: 'administrative_custody',
        attention: { kinds: ['medical'], note: '' },
      });
    }

    await page.reload();
    await page.getByText('Nivel 1 de 4 — Vigilancia').first().waitFor();
    await expect(page.getByTestId('crisis-trigger').textContent()).resolves.toContain(
      'ocupación de un centro',
    );
    const history = page.getByRole('table', { name: 'Historial de niveles' });
    await history.getByRole('row', { name: /0 → 1/ }).waitFor();
    await checkBothWidths(page, 'crisis page at level 1');
    await snap(page, 'registry-crisis-level1-es-1366');
    // English and French at both widths, for the screenshots; then back to Spanish (the choice is saved).
    for (const [lang, item, heading] of [
      ['en', 'English', 'Crisis levels of the centres'],
      ['fr', 'Français', 'Niveaux de crise des centres'],
      ['es', 'Español', 'Niveles de crisis de los centros'],
    ] as const) {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.getByRole('button', { name: /^(Idioma|Language|Langue)/ }).click();
      await page.getByRole('menuitem', { name: item }).click();
      await waitForLang(page, lang);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      if (lang === 'es') break;
      await expectAccessible(page, `crisis page in ${lang}`);
      await snap(page, `registry-crisis-level1-${lang}-1366`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      await snap(page, `registry-crisis-level1-${lang}-390`);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await snap(page, 'registry-crisis-level1-es-390');
    await page.setViewportSize({ width: 1366, height: 900 });

    // The notice: level and country, and a link to the page (no personal data).
    await page.goto(`${baseUrl()}/notifications`);
    const notice = page.getByRole('link', {
      name: 'El nivel de crisis de los centros de MEX subió a 1 de 4.',
    });
    await notice.waitFor();
    await expectAccessible(page, 'notifications with a crisis notice');
    await notice.click();
    await page.waitForURL(/\/registry\/crisis$/);
    await page.getByRole('heading', { level: 1, name: 'Niveles de crisis de los centros' }).waitFor();

    // A declared level 3 offers the binational alert; Guatemala's centres focal point receives it.
    await page.getByRole('button', { name: 'Declarar un nivel' }).click();
    const declare = page.getByRole('dialog', { name: 'Declarar un nivel de crisis' });
    await declare.getByRole('combobox', { name: /^Nivel/ }).selectOption('3');
    await declare.getByRole('textbox', { name: /^Motivo/ }).fill('Caravana anunciada en Ciudad Hidalgo');
    await expectAccessible(page, 'declaration dialog');
    await declare.getByRole('button', { name: 'Declarar' }).click();
    await declare.waitFor({ state: 'detached' });
    await page.getByText('Nivel 3 de 4 — Crisis').first().waitFor();
    await page
      .getByText(/Caravana anunciada en Ciudad Hidalgo/)
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Abrir una alerta binacional' }).click();
    const alert = page.getByRole('dialog', { name: 'Abrir una alerta binacional' });
    await alert.getByRole('combobox', { name: /^País/ }).selectOption('GTM');
    await chooseCodes(alert, 'H0', 'A', '1');
    await alert.getByRole('textbox', { name: /^Nota para el otro país/ }).fill('Pedimos coordinar albergues');
    await page.waitForTimeout(200);
    await expectAccessible(page, 'binational alert dialog');
    await snap(page, 'registry-crisis-alert-es-1366');
    const sent = page.waitForResponse(
      (r) => r.url().endsWith('/api/registry/crisis/alerts') && r.request().method() === 'POST',
    );
    await alert.getByRole('button', { name: 'Abrir la alerta' }).click();
    expect((await sent).status()).toBe(201);
    await page.getByText(/^Alerta EX-MEX-.* enviada a 1 punto/).waitFor();
    await history.getByRole('link', { name: 'Alerta a Guatemala' }).waitFor();
    await checkBothWidths(page, 'crisis page at level 3 with an alert');
    await context.close();
  });
});
