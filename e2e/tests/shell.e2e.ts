import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';

// An account no other spec changes (its language is never saved here: see keepAccountLanguage).
const ADMIN_GT = 'admin.gt@demo.enlace.example';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element not displayed');
  return b;
}

function expectInside(b: Box, width: number, height: number, label: string) {
  expect(b.x, `${label}: left edge`).toBeGreaterThanOrEqual(0);
  expect(b.y, `${label}: top edge`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${label}: right edge`).toBeLessThanOrEqual(width);
  expect(b.y + b.height, `${label}: bottom edge`).toBeLessThanOrEqual(height);
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Language changes stay in this browser: the demo account keeps its saved language for other specs. */
async function keepAccountLanguage(page: Page) {
  await page.route('**/api/auth/locale', (route) => route.fulfill({ json: { ok: true } }));
}

/** The outline or box-shadow a focused element shows, as the browser computes it. */
function focusIndicator(locator: Locator) {
  return locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      outlineStyle: s.outlineStyle,
      outlineWidth: Number.parseFloat(s.outlineWidth),
      outlineColor: s.outlineColor,
      boxShadow: s.boxShadow,
    };
  });
}

describe('the application shell', () => {
  it('at 390 px keeps the user menu and its dropdown inside the screen, in the three languages', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await keepAccountLanguage(page);
    await signIn(page, ADMIN_GT);
    for (const [language, menuName, profile] of [
      ['Español', 'menú de la cuenta', 'Mi perfil'],
      ['English', 'account menu', 'My profile'],
      ['Français', 'menu du compte', 'Mon profil'],
    ] as const) {
      if (language !== 'Español') {
        await page.getByRole('button', { name: /^(Idioma|Language|Langue)/ }).click();
        await page.getByRole('menuitem', { name: language }).click();
      }
      const trigger = page.getByRole('button', { name: new RegExp(menuName) });
      expectInside(await box(trigger), 390, 844, `${language}: user menu button`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await trigger.click();
      // The menu is named by its button (the language menu may still be fading out).
      const dropdown = page.getByRole('menu', { name: new RegExp(menuName) });
      await dropdown.getByRole('menuitem', { name: profile }).waitFor();
      expectInside(await box(dropdown), 390, 844, `${language}: user menu`);
      await snap(page, `user-menu-390-${language}`);
      await page.keyboard.press('Escape');
      await dropdown.waitFor({ state: 'hidden' });
    }
    await context.close();
  });

  it('shows a 2 px focus ring on text fields and puts the show-password button in the Tab order', async () => {
    const { context, page } = await newPage(browser, 'es-ES');
    await page.goto(`${baseUrl()}/sign-in`);
    const email = page.getByLabel('Correo electrónico');
    await email.focus();
    const ring = await focusIndicator(email);
    expect(ring.outlineStyle).toBe('solid');
    expect(ring.outlineWidth).toBeGreaterThanOrEqual(2);
    expect(ring.outlineColor).not.toBe('rgba(0, 0, 0, 0)');

    // The password's input sits inside a wrapper with the button: the wrapper carries the ring.
    await page.keyboard.press('Tab');
    const password = page.getByLabel(/^Contraseña/);
    expect(await password.evaluate((el) => el === document.activeElement)).toBe(true);
    const wrapper = page.locator('.mantine-PasswordInput-input').filter({ has: password });
    const wrapperRing = await focusIndicator(wrapper);
    expect(wrapperRing.outlineStyle).toBe('solid');
    expect(wrapperRing.outlineWidth).toBeGreaterThanOrEqual(2);
    await password.fill('visible-now');

    await page.keyboard.press('Tab');
    const toggle = page.getByRole('button', { name: 'Mostrar la contraseña' });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await focusIndicator(toggle)).outlineWidth).toBeGreaterThanOrEqual(2);
    expect(await password.getAttribute('type')).toBe('password');
    // Both keys that press a button: Space, and Enter (which Mantine alone ignores).
    await page.keyboard.press('Space');
    expect(await password.getAttribute('type')).toBe('text');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await password.getAttribute('type')).toBe('password');
    await page.keyboard.press('Enter');
    expect(await password.getAttribute('type')).toBe('text');
    expect(await password.inputValue()).toBe('visible-now');
    await snap(page, 'sign-in-focus-toggle');
    await context.close();
  });

  it('shows toasts at the bottom, never over the header or its open menus (1366 and 390 px)', async () => {
    for (const width of [1366, 390]) {
      const context = await browser.newContext({ locale: 'es-ES', viewport: { width, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await signIn(page, ADMIN_GT);
      // The language cannot be saved: the page says so in a toast.
      await page.route('**/api/auth/locale', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          json: { type: 'about:blank', title: 'Servicio no disponible', status: 503 },
        }),
      );
      await page.getByRole('button', { name: /^Idioma/ }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      const toast = page
        .locator('.mantine-Notification-root')
        .filter({ hasText: 'Your language choice could not be saved' });
      await toast.waitFor();
      const toastBox = await box(toast);
      const header = await box(page.locator('header').first());
      expect(overlap(toastBox, header), `${width}: toast over the header`).toBe(false);
      expect(toastBox.y + toastBox.height).toBeGreaterThan(800 / 2);
      // The chosen language stays on screen although it was not saved on the account.
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

      await page.getByRole('button', { name: /account menu/ }).click();
      const menu = page.getByRole('menu', { name: /account menu/ });
      await menu.getByRole('menuitem', { name: 'My profile' }).waitFor();
      expect(overlap(toastBox, await box(menu)), `${width}: toast over the user menu`).toBe(false);
      await expectAccessible(page, `user menu open, ${width}`);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: /^Language/ }).click();
      const languages = page.getByRole('menu', { name: /^Language/ });
      await languages.getByRole('menuitem', { name: 'Français' }).waitFor();
      expect(overlap(toastBox, await box(languages)), `${width}: toast over the language menu`).toBe(false);
      // Colours are read once the menu's opening transition is over.
      await page.waitForTimeout(400);
      await expectAccessible(page, `toast and open menu, ${width}`);
      await snap(page, `toast-menu-${width}`);
      await context.close();
    }
  });
});
