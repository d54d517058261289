import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  DEMO,
  definition,
  expectAccessible,
  launchBrowser,
  newPage,
  signIn,
  snap,
} from '../support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const REFERENCE = `CRI-E2E-${Date.now()}`;
let casePath = '';

describe('cases', () => {
  it('a prosecutor opens a case and records suspects, a stage, an asset, evidence with its custody, and shares it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.prosecutor);
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Incidentes y casos' })
      .click();
    // A prosecutor reads cases, not incident reports: the capability opens on the cases.
    await page.getByRole('heading', { level: 1, name: 'Casos' }).waitFor();
    await page.getByRole('table', { name: 'Casos' }).getByRole('link').first().waitFor();
    await expectAccessible(page, 'cases list');

    await page.getByRole('button', { name: 'Nuevo caso' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nuevo caso' });
    await dialog.waitFor();
    await dialog.getByLabel('Número de caso').fill(REFERENCE);
    await dialog.getByLabel('Título').fill('Red de traslado por Paso Canoas (e2e)');
    await dialog.getByLabel('Abierto el').fill('2026-02-01');
    await dialog.getByLabel(/Tráfico ilícito de migrantes/).check();
    await dialog.getByLabel(/Poner en peligro/).check();
    await dialog.getByRole('button', { name: 'Añadir un país' }).click();
    await dialog.getByLabel('País 1', { exact: true }).selectOption('PAN');
    await dialog.getByLabel('Papel del país 1', { exact: true }).selectOption('jit_member');
    await dialog.getByLabel('Equipo conjunto de investigación').fill('ECI Costa Rica – Panamá');
    await page.waitForTimeout(200);
    await expectAccessible(page, 'new case dialog');
    await dialog.getByRole('button', { name: 'Abrir el caso' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${REFERENCE}`) }).waitFor();
    casePath = new URL(page.url()).pathname;
    expect(await definition(page, 'Etapa').textContent()).toBe('Detección');

    // A defendant with charges.
    await page.getByRole('button', { name: 'Añadir un sospechoso' }).click();
    let modal = page.getByRole('dialog', { name: 'Nuevo sospechoso' });
    await modal.getByLabel(/^Nombre/).fill('Carlos Ruiz (e2e)');
    await modal.getByLabel('Nacionalidad', { exact: true }).selectOption('NIC');
    await modal.getByLabel('Papel en la red').selectOption('organiser');
    await modal.getByRole('switch', { name: /Imputado/ }).click();
    await modal.getByLabel('Tráfico ilícito de migrantes').check();
    await modal.getByRole('button', { name: 'Añadir el sospechoso' }).click();
    await modal.waitFor({ state: 'detached' });
    const suspects = page.getByRole('table', { name: 'Sospechosos e imputados' });
    await suspects.getByText('Carlos Ruiz (e2e)').waitFor();

    // A suspect recorded in error is removed, after a confirmation.
    await page.getByRole('button', { name: 'Añadir un sospechoso' }).click();
    modal = page.getByRole('dialog', { name: 'Nuevo sospechoso' });
    await modal.getByLabel(/^Nombre/).fill('Registro erróneo (e2e)');
    await modal.getByLabel('Papel en la red').selectOption('guide');
    await modal.getByRole('button', { name: 'Añadir el sospechoso' }).click();
    await modal.waitFor({ state: 'detached' });
    await suspects.getByText('Registro erróneo (e2e)').waitFor();
    await page.getByRole('button', { name: 'Retirar: Registro erróneo (e2e)' }).click();
    modal = page.getByRole('dialog', { name: '¿Retirar a este sospechoso?' });
    await modal.getByRole('button', { name: 'Retirar' }).click();
    await modal.waitFor({ state: 'detached' });
    await suspects.getByText('Registro erróneo (e2e)').waitFor({ state: 'detached' });
    await suspects.getByText('Carlos Ruiz (e2e)').waitFor();

    // The cycle moves on: investigation.
    await page.getByRole('button', { name: 'Cambiar de etapa' }).click();
    modal = page.getByRole('dialog', { name: 'Cambiar la etapa del caso' });
    await modal.getByLabel('Etapa', { exact: true }).selectOption('investigation');
    await modal.getByLabel('Fecha en que ocurrió').fill('2026-03-10');
    await modal.getByRole('button', { name: 'Cambiar de etapa' }).click();
    await modal.waitFor({ state: 'detached' });
    const stages = page.getByRole('list', { name: 'Etapas' });
    await stages.getByText('Investigación').first().waitFor();
    expect(await stages.textContent()).toContain('10 mar 2026');

    // A seized asset with its value.
    await page.getByRole('button', { name: 'Añadir un bien' }).click();
    modal = page.getByRole('dialog', { name: 'Nuevo bien' });
    await modal.getByLabel('Tipo', { exact: true }).selectOption('cash');
    await modal.getByLabel('Situación', { exact: true }).selectOption('seized');
    await modal.getByLabel('Valor', { exact: true }).fill('15000.50');
    await modal.getByLabel('Moneda', { exact: true }).selectOption('USD');
    await modal.getByLabel('Fecha de esta situación').fill('2026-03-11');
    await modal.getByLabel(/^Descripción/).fill('Efectivo hallado en el vehículo');
    await modal.getByRole('button', { name: 'Añadir el bien' }).click();
    await modal.waitFor({ state: 'detached' });
    const assets = page.getByRole('table', { name: 'Investigación financiera y bienes' });
    expect(await assets.getByRole('row').filter({ hasText: 'Efectivo hallado' }).textContent()).toMatch(
      /Incautado.*15[.\s\u00a0]?000,50/,
    );

    // Evidence, then a hand-over in its chain of custody.
    await page.getByRole('button', { name: 'Añadir una evidencia' }).click();
    modal = page.getByRole('dialog', { name: 'Nueva evidencia' });
    await modal.getByLabel('Tipo', { exact: true }).selectOption('digital');
    await modal.getByLabel('Recolectada el').fill('2026-03-11T09:30');
    await modal.getByLabel(/^Descripción/).fill('Teléfono del conductor (e2e)');
    await modal.getByLabel('Recolectada por (primer custodio)').fill('Agente M. Solís, OIJ');
    await modal.getByLabel('SHA-256 del archivo').fill('a'.repeat(64));
    await modal.getByRole('button', { name: 'Registrar la evidencia' }).click();
    await modal.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Entregar: Teléfono del conductor (e2e)' }).click();
    modal = page.getByRole('dialog', { name: /^Entregar/ });
    await modal.getByLabel('Nuevo custodio').fill('Laboratorio forense, Poder Judicial');
    await modal.getByLabel('Entregada el').fill('2026-03-12T10:00');
    await modal.getByLabel('Finalidad').fill('Extracción de datos');
    await modal.getByLabel('SHA-256 verificado en la entrega').fill('a'.repeat(64));
    await modal.getByRole('button', { name: 'Registrar la entrega' }).click();
    await modal.waitFor({ state: 'detached' });
    const evidence = page
      .getByRole('table', { name: 'Evidencias y cadena de custodia' })
      .getByRole('row')
      .filter({ hasText: 'Teléfono del conductor (e2e)' });
    // The current custodian has its own column, sortable.
    await expect
      .poll(() => evidence.getByRole('cell').nth(3).textContent())
      .toBe('Laboratorio forense, Poder Judicial');
    const chain = (await evidence.getByRole('list').textContent()) ?? '';
    expect(chain).toContain('Agente M. Solís, OIJ');
    expect(chain).toContain('Laboratorio forense, Poder Judicial');
    expect(chain).toContain('hash verificado');

    // Shared with Panama, explicitly.
    await page.getByRole('button', { name: 'Compartir con un país' }).click();
    modal = page.getByRole('dialog', { name: 'Compartir el caso' });
    await modal.getByLabel(/^País/).selectOption('PAN');
    await modal.getByRole('button', { name: 'Compartir' }).click();
    await modal.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Compartir con otros países' }).getByText('Panamá').waitFor();
    await page.waitForTimeout(300);
    await expectAccessible(page, 'case detail');
    await snap(page, 'case-detail');
    await context.close();
  });

  it('the country it is shared with reads it without changing it, until the owner revokes the share', async () => {
    expect(casePath).not.toBe('');
    const analyst = await newPage(browser);
    await signIn(analyst.page, DEMO.analyst);
    await analyst.page.goto(`${baseUrl()}${casePath}`);
    await analyst.page.getByRole('heading', { level: 1, name: new RegExp(`^${REFERENCE}`) }).waitFor();
    await analyst.page.getByText('Compartido con su país').waitFor();
    expect(await analyst.page.getByRole('button', { name: 'Cambiar de etapa' }).count()).toBe(0);
    expect(await analyst.page.getByRole('button', { name: 'Añadir un sospechoso' }).count()).toBe(0);
    await expectAccessible(analyst.page, 'shared case (read only)');

    const owner = await newPage(browser);
    await signIn(owner.page, DEMO.prosecutor);
    await owner.page.goto(`${baseUrl()}${casePath}`);
    await owner.page.getByRole('button', { name: 'Revocar lo compartido con Panamá' }).click();
    await owner.page.getByRole('dialog').getByRole('button', { name: 'Revocar' }).click();
    await owner.page.getByRole('dialog').waitFor({ state: 'detached' });
    await owner.page.getByText(/revocado el/).waitFor();
    await owner.context.close();

    await analyst.page.goto(`${baseUrl()}${casePath}`);
    await analyst.page.getByRole('heading', { level: 1, name: 'Página no encontrada' }).waitFor();
    await analyst.context.close();
  });
});
