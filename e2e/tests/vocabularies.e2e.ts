import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { baseUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('vocabularies', () => {
  it('the network administrator adds a modus operandi, which reporting officers can then choose', async () => {
    const code = `balsa_e2e_${Date.now() % 100_000}`;
    const label = `Cruce en balsa de neumáticos (e2e ${code})`;
    const admin = await newPage(browser);
    await signIn(admin.page, DEMO.admin);
    await admin.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Vocabularios' })
      .click();
    await admin.page.getByRole('heading', { level: 1, name: 'Vocabularios' }).waitFor();
    await admin.page.getByRole('table', { name: 'Modus operandi' }).waitFor();
    await expectAccessible(admin.page, 'vocabularies');
    await admin.page.getByRole('button', { name: 'Nuevo término' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Nuevo término' });
    await dialog.getByLabel('Código').fill(code);
    await dialog.getByLabel('Nombre en español').fill(label);
    await dialog.getByLabel('Nombre en inglés').fill(`Tyre raft crossing (${code})`);
    await dialog.getByLabel('Nombre en francés').fill(`Traversée en radeau de pneus (${code})`);
    await dialog.getByRole('button', { name: 'Añadir el término' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.page.getByRole('row').filter({ hasText: code }).waitFor();
    await snap(admin.page, 'vocabularies');
    await admin.context.close();

    const liaison = await newPage(browser);
    await signIn(liaison.page, DEMO.liaisonGt);
    await liaison.page.goto(`${baseUrl()}/incidents/new`);
    await liaison.page.getByRole('heading', { level: 1, name: 'Nuevo informe de incidente' }).waitFor();
    await liaison.page.getByLabel(label).waitFor({ state: 'attached' });
    await liaison.context.close();
  });
});
