import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, DEMO_PASSWORD, launchBrowser, newPage, signIn, snap } from '../support/browser';

const CENTRE = 'centro.mx@demo.enlace.example';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('profile', () => {
  it('lists own sessions, ends another one, and changes the password with the server’s checks', async () => {
    const other = await newPage(browser);
    await signIn(other.page, CENTRE);
    const { context, page } = await newPage(browser);
    await signIn(page, CENTRE);
    await page.goto(`${baseUrl()}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Mi perfil' }).waitFor();
    const sessions = page.getByRole('table', { name: 'Dónde tiene la sesión abierta' });
    await sessions.getByText('Este dispositivo').waitFor();
    expect(await sessions.locator('tbody tr').count()).toBe(2);
    await snap(page, 'profile-sessions');

    await sessions.getByRole('button', { name: /^Cerrar la sesión/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cerrar la sesión' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
    // The ended session's browser is sent back to the sign-in screen at its next request.
    await other.page.getByRole('navigation').getByRole('link', { name: 'Mi perfil' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await other.context.close();

    const current = page.getByLabel(/^Contraseña actual/);
    const next = page.getByLabel(/^Nueva contraseña/);
    const repeat = page.getByLabel(/^Repita la nueva contraseña/);
    const submit = page.getByRole('button', { name: 'Cambiar la contraseña' });

    await current.fill('not-my-password');
    await next.fill('Quetzal-Verde-7391-Canal');
    await repeat.fill('Quetzal-Verde-7391-Canal');
    await submit.click();
    await page.getByRole('alert').filter({ hasText: 'La contraseña actual es incorrecta.' }).waitFor();

    await current.fill(DEMO_PASSWORD);
    await next.fill('Password-2024!');
    await repeat.fill('Password-2024!');
    await submit.click();
    await page.getByRole('alert').filter({ hasText: 'demasiado común' }).waitFor();
    await snap(page, 'profile-password-common');

    await next.fill('Quetzal-Verde-7391-Canal');
    await repeat.fill('Quetzal-Verde-7391');
    await submit.click();
    await page.getByText('Las dos contraseñas no coinciden.').waitFor();

    await repeat.fill('Quetzal-Verde-7391-Canal');
    await submit.click();
    await page.getByText('Contraseña cambiada').waitFor();
    await context.close();

    const again = await newPage(browser);
    await signIn(again.page, CENTRE, 'Quetzal-Verde-7391-Canal');
    await again.page.getByRole('heading', { level: 1, name: 'Inicio' }).waitFor();
    await again.context.close();
  });

  it('chooses the zone the user reads times in, among their country’s first, and keeps it', async () => {
    const { context, page } = await newPage(browser);
    // Another account of Mexico: the first test changed this one's password.
    await signIn(page, DEMO.liaisonMx);
    await page.goto(`${baseUrl()}/profile`);
    const sessions = page.getByRole('table', { name: 'Dónde tiene la sesión abierta' });
    const started = sessions.locator('tbody tr').first().locator('td').nth(2);
    await sessions.getByText('Este dispositivo').waitFor();
    const before = await started.textContent();
    // Hours are not zero-padded in Spanish ("7:23"): any time of day.
    expect(before).toMatch(/\d{1,2}:\d{2}/);
    const field = page.getByRole('textbox', { name: 'Su huso horario' });
    // No choice yet: the browser's zone (UTC here) applies.
    expect(await field.inputValue()).toBe('');
    expect(await field.getAttribute('placeholder')).toContain('El de este navegador');
    await field.click();
    expect(
      await page.getByRole('listbox', { name: 'Su huso horario' }).getByRole('option').first().textContent(),
    ).toContain('(America/Tijuana)');
    await field.fill('Tijuana');
    await page.getByRole('option', { name: /\(America\/Tijuana\)/ }).click();
    await page.getByText('Huso horario guardado').waitFor();
    // The times on the page move to the chosen zone (seven or eight hours west of UTC).
    await expect.poll(() => started.textContent()).not.toBe(before);
    await snap(page, 'profile-time-zone');

    await page.reload();
    expect(await page.getByRole('textbox', { name: 'Su huso horario' }).inputValue()).toContain(
      '(America/Tijuana)',
    );
    await page.getByRole('button', { name: 'Usar el de este navegador' }).click();
    await page.getByText('Huso horario guardado').first().waitFor();
    await expect.poll(() => started.textContent()).toBe(before);
    await context.close();
  });
});
