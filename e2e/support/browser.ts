import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'Enlace-demo-2026';
export const DEMO = {
  admin: 'admin@demo.enlace.example',
  liaisonMx: 'enlace.mx@demo.enlace.example',
  liaisonGt: 'enlace.gt@demo.enlace.example',
  prosecutor: 'fiscal.cr@demo.enlace.example',
  analyst: 'analista.pa@demo.enlace.example',
  protection: 'proteccion.gt@demo.enlace.example',
  observer: 'observer@demo.enlace.example',
} as const;

export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`');
  return url.replace(/\/$/, '');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies, no storage) whose preferred language is `locale`. */
export async function newPage(
  browser: Browser,
  locale = 'es-ES',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

/** Signs in through the form, whatever the UI language, and waits for the application shell. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.locator('nav').first().waitFor();
}

export async function waitForLang(page: Page, lang: string): Promise<void> {
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Saves a screenshot when E2E_SCREENSHOT_DIR is set (to look at the UI, not to compare pixels). */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Colours read mid-transition (a toast fading in) are neither the start's nor the end's: wait
  // for finite CSS transitions and animations to end (an endless one, a loader, is not waited for).
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
          ),
      undefined,
      { timeout: 3000 },
    )
    .catch(() => undefined);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = severe
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`)
          .join('\n')}`,
    )
    .join('\n');
  if (severe.length) console.error(`Accessibility violations on ${label}:\n${report}`);
  expect(
    severe.map((v) => v.id),
    `${label}\n${report}`,
  ).toEqual([]);
}

/** The text of the value (`<dd>`) that follows a term (`<dt>`) of a definition list. */
export function definition(page: Page, term: string) {
  return page.locator(`dt:text-is("${term}") + dd`).first();
}

/** A number as the UI writes it in Spanish (1.258, 12 345, −3) → 1258, 12345, -3. */
export function parseNumber(text: string): number {
  const cleaned = text.replace(/[\s.\u00a0\u202f]/g, '').replace('−', '-');
  if (!/^-?\d+$/.test(cleaned)) throw new Error(`not a number: "${text}"`);
  return Number(cleaned);
}
