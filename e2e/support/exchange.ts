import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, expectAccessible, snap } from './browser';

/** Calls the API as the signed-in page does (session cookie, CSRF token from the session). */
export async function apiAs(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    { method, path, body },
  );
}

/** Checks a screen with axe at the desktop and phone widths, and that nothing is wider than the phone. */
export async function checkBothWidths(page: Page, label: string) {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.waitForTimeout(150);
  await expectAccessible(page, `${label} (1366)`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(250);
  await expectAccessible(page, `${label} (390)`);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    `${label}: page wider than 390 px`,
  ).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** Chooses a message's handling code, source reliability and information accuracy (Spanish labels). */
export async function chooseCodes(
  scope: ReturnType<Page['locator']>,
  handling: string,
  reliability: string,
  accuracy: string,
) {
  await scope.getByRole('radio', { name: new RegExp(`^${handling} —`) }).check();
  await scope.getByRole('radio', { name: new RegExp(`^${reliability} —`) }).check();
  await scope.getByRole('radio', { name: new RegExp(`^${accuracy} —`) }).check();
}

/**
 * Opens each screen in Spanish, English and French at 1366 and 390 px, checks that none is wider
 * than the screen, and snaps it as `<prefix>-<name>-<lang>-<width>`; the user's language is set
 * back to Spanish afterwards.
 */
export async function snapInEveryLanguage(page: Page, prefix: string, screens: readonly [string, string][]) {
  for (const lang of ['es', 'en', 'fr'] as const) {
    expect((await apiAs(page, 'PUT', '/api/auth/locale', { locale: lang })).status).toBe(200);
    for (const [name, path] of screens) {
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
        await page.goto(`${baseUrl()}${path}`);
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${name} (${lang}): page wider than ${width} px`,
        ).toBeLessThanOrEqual(width);
        await snap(page, `${prefix}-${name}-${lang}-${width}`);
      }
    }
  }
  expect((await apiAs(page, 'PUT', '/api/auth/locale', { locale: 'es' })).status).toBe(200);
}
