import { CAPABILITIES, can, type Role } from '@enlace/shared';
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

/** Opens a screen by client-side navigation when possible, and waits for its heading. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.locator('main h1').first().waitFor();
  // Let notifications, fonts and transitions settle before axe reads colours.
  await page.waitForTimeout(300);
}

// Together these accounts open all 13 capability rooms and every administration screen.
const ACCOUNTS: { email: string; role: Role; extra: string[] }[] = [
  { email: DEMO.liaisonMx, role: 'liaison_officer', extra: ['/', '/profile', '/no-such-page'] },
  { email: DEMO.analyst, role: 'analyst', extra: [] },
  { email: DEMO.protection, role: 'protection_officer', extra: [] },
  {
    email: DEMO.admin,
    role: 'network_admin',
    extra: ['/', '/admin/users', '/admin/agencies', '/admin/countries'],
  },
];

describe('accessibility (axe, WCAG 2.1 A and AA)', () => {
  it('sign-in screen, in each language and with an error shown', async () => {
    for (const locale of ['es-ES', 'en-US', 'fr-FR']) {
      const { context, page } = await newPage(browser, locale);
      await page.goto(`${baseUrl()}/sign-in`);
      await page.locator('main h1').waitFor();
      await expectAccessible(page, `sign-in (${locale})`);
      if (locale === 'es-ES') {
        await page.locator('form button[type="submit"]').click();
        await page.getByText('Este campo es obligatorio.').first().waitFor();
        await expectAccessible(page, 'sign-in with validation errors');
        await snap(page, 'sign-in-es');
      }
      await context.close();
    }
  });

  it('home, profile, every capability room and the administration screens', async () => {
    const covered = new Set<string>();
    for (const account of ACCOUNTS) {
      const { context, page } = await newPage(browser);
      await signIn(page, account.email);
      const rooms = CAPABILITIES.filter((c) => can(account.role, c.permission) && !covered.has(c.key));
      for (const path of [...account.extra, ...rooms.map((c) => c.path)]) {
        await visit(page, path);
        await expectAccessible(page, `${path} as ${account.role}`);
        await snap(page, `${account.role}${path.replaceAll('/', '_')}`);
      }
      for (const room of rooms) covered.add(room.key);
      if (account.role === 'network_admin') {
        // Open dialogs too: they are part of the screens.
        await visit(page, '/admin/users');
        await page.getByRole('button', { name: 'Nuevo usuario' }).click();
        await page.getByRole('dialog').waitFor();
        await page.waitForTimeout(300);
        await expectAccessible(page, 'new user dialog');
        await snap(page, 'admin-new-user-dialog');
        await page.keyboard.press('Escape');
        await visit(page, '/admin/countries');
        await page.getByRole('button', { name: /^Editar: México/ }).click();
        await page.getByRole('dialog').waitFor();
        await page.waitForTimeout(300);
        await expectAccessible(page, 'country dialog');
      }
      await context.close();
    }
    expect([...covered].sort()).toEqual(CAPABILITIES.map((c) => c.key).sort());
  });

  it('keyboard: the skip link comes first, and a new screen moves focus to its heading', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.liaisonMx);
    await page.goto(`${baseUrl()}/profile`);
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => ({
        tag: document.activeElement?.tagName,
        id: document.activeElement?.id,
        text: document.activeElement?.textContent,
      }));
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Saltar al contenido principal' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Inicio' })
      .click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await focused()).toMatchObject({ tag: 'H1', text: 'Inicio' });
    await context.close();
  });
});
