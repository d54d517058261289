import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('administration', () => {
  it('an administrator creates a user, who appears in the list and can sign in', async () => {
    const email = `nueva.enlace.${Date.now()}@example.org`;
    const password = 'Quetzal-Verde-7391-Canal';
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin);
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Usuarios' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Usuarios' }).waitFor();
    await page.getByRole('table', { name: 'Usuarios' }).waitFor();

    await page.getByRole('button', { name: 'Nuevo usuario' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo usuario' });
    await dialog.waitFor();
    await dialog.getByLabel('Nombre').fill('Lucía Méndez');
    await dialog.getByLabel('Correo electrónico').fill(email);
    await dialog.getByLabel('Función').selectOption('liaison_officer');
    await dialog.getByLabel('País u organización').selectOption('MEX');
    const agency = dialog.getByLabel('Institución');
    await agency.locator('option', { hasText: 'Guardacostas' }).waitFor({ state: 'attached' });
    await agency.selectOption({ label: 'Guardacostas (demo) (GC)' });
    await dialog.getByLabel('Contraseña inicial').fill(password);
    await snap(page, 'admin-create-user-filled');
    await dialog.getByRole('button', { name: 'Crear el usuario' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByLabel('Buscar por nombre o correo').fill('Lucía');
    const row = page.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Lucía Méndez');
    expect(text).toContain('Oficial de enlace');
    expect(text).toContain('México');
    expect(text).toContain('GC');
    await snap(page, 'admin-users-after-create');
    await context.close();

    // The administrator set the password: its owner chooses their own at the first sign-in.
    const other = await newPage(browser);
    const own = 'Tikal-Bajo-Luna-5522-Ceiba';
    await other.page.goto(`${baseUrl()}/sign-in`);
    await other.page.getByLabel('Correo electrónico').fill(email);
    await other.page.getByLabel(/^Contraseña/).fill(password);
    await other.page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Elija su propia contraseña' }).waitFor();
    await expectAccessible(other.page, 'forced password change');
    await other.page.getByLabel('Contraseña actual').fill(password);
    await other.page.getByLabel(/^Nueva contraseña/).fill(own);
    await other.page.getByLabel('Repita la nueva contraseña').fill(own);
    await other.page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Inicio' }).waitFor();
    await other.page.getByText('Hola, Lucía Méndez').waitFor();
    await other.context.close();
  });

  it('an administrator reads the audit trail: the new account, then only sign-ins', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.admin);
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Registro de auditoría' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Registro de auditoría' }).waitFor();
    const table = page.getByRole('table', { name: 'Registro de auditoría' });
    // The account created by the previous test, and the administrator's own sign-in.
    await table.getByRole('row').filter({ hasText: 'Cuenta creada' }).first().waitFor();
    await table.getByRole('row').filter({ hasText: 'Inicio de sesión' }).first().waitFor();
    await expectAccessible(page, 'audit trail');

    await page.getByLabel('Tipo de acción').selectOption('auth');
    await page.getByLabel('Resultado').selectOption('success');
    await table.getByRole('row').filter({ hasText: 'Cuenta creada' }).first().waitFor({ state: 'detached' });
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.includes('Inicio de sesión'))).toBe(true);
    expect(rows.every((r) => !r.includes('Cuenta creada'))).toBe(true);
    await snap(page, 'admin-audit');
    await context.close();
  });
});
