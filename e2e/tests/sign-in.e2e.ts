import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO,
  DEMO_PASSWORD,
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

describe('sign-in, languages and sign-out', () => {
  it('signs in, shows the role-aware shell in Spanish, switches to English and French, signs out', async () => {
    const { context, page } = await newPage(browser, 'es-ES');
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.title()).toBe('Iniciar sesión · Enlace');
    await page.getByText('Datos de demostración — no usar en operaciones').waitFor();

    await page.getByLabel('Correo electrónico').fill(DEMO.liaisonMx);
    await page.getByLabel(/^Contraseña/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();

    await page.getByRole('heading', { level: 1, name: 'Inicio' }).waitFor();
    await waitForLang(page, 'es');
    expect(await page.title()).toBe('Inicio · Enlace');
    const nav = page.getByRole('navigation', { name: 'Navegación principal' });
    // A liaison officer's capabilities, and none of the others.
    for (const name of ['Directorio de puntos focales', 'Intercambio seguro', 'Incidentes y casos']) {
      await nav.getByRole('link', { name }).waitFor();
    }
    expect(await nav.getByRole('link', { name: 'Registro de centros' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Usuarios' }).count()).toBe(0);
    await page.getByText('Datos de demostración — no usar en operaciones').waitFor();
    await snap(page, 'home-es');

    // A room still to be built says so.
    await nav.getByRole('link', { name: 'Solicitudes de asistencia judicial recíproca' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Solicitudes de asistencia judicial recíproca' })
      .waitFor();
    await page.getByText('En preparación').first().waitFor();

    await page.getByRole('button', { name: /^Idioma/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mutual legal assistance requests' }).waitFor();
    await waitForLang(page, 'en');
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Home' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.title()).toBe('Home · Enlace');
    await page.getByText('Demo data — not for operational use').waitFor();

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/locale') && r.ok());
    await page.getByRole('button', { name: /^Language/ }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await saved;
    await page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await waitForLang(page, 'fr');
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Annuaire des points focaux' })
      .waitFor();
    await snap(page, 'home-fr');

    await page.getByRole('button', { name: /Jorge Salinas/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();

    // The choice was saved on the account: a new browser that prefers Spanish opens in French.
    const second = await newPage(browser, 'es-ES');
    await signIn(second.page, DEMO.liaisonMx);
    await second.page.getByRole('heading', { level: 1, name: 'Accueil' }).waitFor();
    await waitForLang(second.page, 'fr');
    const restored = second.page.waitForResponse((r) => r.url().endsWith('/api/auth/locale') && r.ok());
    await second.page.getByRole('button', { name: /^Langue/ }).click();
    await second.page.getByRole('menuitem', { name: 'Español' }).click();
    await restored;
    await second.page.getByRole('heading', { level: 1, name: 'Inicio' }).waitFor();
    await second.context.close();
  });

  it('explains a wrong password in the chosen language', async () => {
    const { context, page } = await newPage(browser, 'es-ES');
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Correo electrónico').fill(DEMO.liaisonGt);
    await page.getByLabel(/^Contraseña/).fill('not-the-password');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'El correo electrónico o la contraseña son incorrectos.' });
    await alert.waitFor();
    await snap(page, 'sign-in-error-es');

    await page.getByRole('button', { name: /^Idioma/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await waitForLang(page, 'en');
    await page.getByLabel(/^Password/).fill('still-not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'The e-mail address or password is incorrect.' })
      .waitFor();
    await context.close();
  });

  it('says when to try again once an account is locked (HTTP 429)', async () => {
    const { context, page } = await newPage(browser, 'fr-FR');
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await waitForLang(page, 'fr');
    await page.getByLabel('Adresse électronique').fill('nobody@demo.enlace.example');
    const password = page.getByLabel(/^Mot de passe/);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      await password.fill(`wrong-password-${attempt}`);
      const response = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in'));
      await page.getByRole('button', { name: 'Se connecter' }).click();
      statuses.push((await response).status());
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const alert = page.getByRole('alert').filter({ hasText: 'Trop de tentatives' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Réessayez dans (environ )?\d+/);
    await snap(page, 'sign-in-locked-fr');
    await context.close();
  });

  it('in demo mode lists the demo accounts; choosing one fills the form, and focus lands on the home heading', async () => {
    const { context, page } = await newPage(browser, 'es-ES');
    await page.goto(`${baseUrl()}/sign-in`);
    const list = page.getByRole('region', { name: 'Cuentas de demostración' });
    await list.waitFor();
    // One button per demo account: role and country in the reader's language, then the address.
    const accounts = list.getByRole('listitem');
    expect(await accounts.count()).toBeGreaterThanOrEqual(7);
    await list.getByText(DEMO_PASSWORD, { exact: true }).waitFor();
    const protection = list.getByRole('button', { name: /Oficial de protección · Guatemala/ });
    expect(await protection.textContent()).toContain(DEMO.protection);
    await list
      .getByRole('button', { name: /Observador · Organización Internacional para las Migraciones/ })
      .waitFor();
    expect(await page.getByText('consola del servidor').count()).toBe(0);
    await expectAccessible(page, 'sign-in with demo accounts, es');
    await snap(page, 'sign-in-demo-accounts-es');

    await protection.click();
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe(DEMO.protection);
    // The demo password is public (README, this list), so the button fills it in too.
    expect(await page.getByLabel(/^Contraseña/).inputValue()).toBe(DEMO_PASSWORD);
    // Focus is on the submit button: one key signs in.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Iniciar sesión');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: 'Inicio' });
    await heading.waitFor();
    // After sign-in, focus is on the home page's heading (screen readers announce the new page).
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Inicio');
    await context.close();

    // In English and at 390 px: the same list, translated, without widening the page.
    const small = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    const phone = await small.newPage();
    await phone.goto(`${baseUrl()}/sign-in`);
    const listEn = phone.getByRole('region', { name: 'Demo accounts' });
    await listEn.getByRole('button', { name: /Liaison officer · Mexico/ }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phone, 'sign-in with demo accounts, en, 390');
    await snap(phone, 'sign-in-demo-accounts-en-390');
    await small.close();
  });

  it('never lists demo accounts when the server is not in demo mode', async () => {
    const { context, page } = await newPage(browser, 'es-ES');
    // The server of these tests runs in demo mode; the page is shown a session of a production server.
    let asked = false;
    await page.route('**/api/auth/session', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      await route.fulfill({ response, json: { ...body, demoMode: false } });
    });
    await page.route('**/api/auth/demo-accounts', (route) => {
      asked = true;
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await page.getByLabel('Correo electrónico').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('Cuentas de demostración').count()).toBe(0);
    expect(await page.getByText(DEMO_PASSWORD).count()).toBe(0);
    expect(asked).toBe(false);
    await context.close();
  });
});
