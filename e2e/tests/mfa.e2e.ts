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
} from '../support/browser';
import { totp } from '../support/totp';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('two-step verification', () => {
  it('enrols from the profile, then verifies a sign-in with a recovery code', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.prosecutor);
    // The home page's reminder leads straight to the set-up in the profile.
    await page.getByRole('link', { name: 'Activar la verificación en dos pasos' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mi perfil' }).waitFor();
    await page.getByRole('button', { name: 'Comenzar' }).click();
    await page.getByRole('img', { name: /Código QR/ }).waitFor();
    await expectAccessible(page, 'MFA enrolment');
    await snap(page, 'mfa-enrol');

    const secret = ((await page.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const wrong = String((Number(totp(secret)) + 500_000) % 1_000_000).padStart(6, '0');
    await page.getByLabel('Código de verificación').fill(wrong);
    await page.getByRole('button', { name: 'Confirmar' }).click();
    await page.getByRole('alert').filter({ hasText: 'no es válido' }).waitFor();
    await page.getByLabel('Código de verificación').fill(totp(secret));
    await page.getByRole('button', { name: 'Confirmar' }).click();

    const list = page.getByTestId('recovery-codes');
    await list.waitFor();
    const codes = await list.locator('li').allTextContents();
    expect(codes).toHaveLength(10);
    await expectAccessible(page, 'MFA recovery codes');
    await snap(page, 'mfa-recovery-codes');
    const proceed = page.getByRole('button', { name: 'Continuar' });
    expect(await proceed.isDisabled()).toBe(true);
    await page.getByLabel('He guardado estos códigos en un lugar seguro').check();
    await proceed.click();
    await page.getByText('Activada', { exact: true }).waitFor();

    await page.getByRole('button', { name: /Daniel Mora/ }).click();
    await page.getByRole('menuitem', { name: 'Cerrar sesión' }).click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await context.close();

    const second = await newPage(browser);
    const p = second.page;
    await p.goto(`${baseUrl()}/sign-in`);
    await p.getByLabel('Correo electrónico').fill(DEMO.prosecutor);
    await p.getByLabel(/^Contraseña/).fill(DEMO_PASSWORD);
    await p.getByRole('button', { name: 'Iniciar sesión' }).click();
    await p.getByRole('heading', { level: 1, name: 'Verificación en dos pasos' }).waitFor();
    expect(new URL(p.url()).pathname).toBe('/mfa');
    await expectAccessible(p, 'MFA verification');
    await snap(p, 'mfa-verify');
    await p.getByRole('button', { name: 'Usar un código de recuperación' }).click();
    await p.getByLabel('Código de recuperación').fill(codes[0] ?? '');
    await p.getByRole('button', { name: 'Verificar' }).click();
    await p.getByRole('heading', { level: 1, name: 'Inicio' }).waitFor();

    // One code used: new ones replace them all, on a code of the authenticator (the next one, since
    // each is accepted once and enrolment used the current one).
    await p.goto(`${baseUrl()}/profile`);
    await p.getByText('Le quedan 9 códigos de recuperación sin usar.').waitFor();
    await p.getByRole('button', { name: 'Obtener códigos de recuperación nuevos' }).click();
    await p.getByLabel('Código de verificación').fill(totp(secret, Date.now() + 30_000));
    await p.getByRole('button', { name: 'Reemplazar los códigos de recuperación' }).click();
    const fresh = p.getByTestId('recovery-codes');
    await fresh.waitFor();
    const replaced = await fresh.locator('li').allTextContents();
    expect(replaced).toHaveLength(10);
    expect(replaced).not.toContain(codes[1]);
    await expectAccessible(p, 'recovery codes replaced');
    await p.getByLabel('He guardado estos códigos en un lugar seguro').check();
    await p.getByRole('button', { name: 'Continuar' }).click();
    await p.getByText('Le quedan 10 códigos de recuperación sin usar.').waitFor();
    await second.context.close();
  });
});
