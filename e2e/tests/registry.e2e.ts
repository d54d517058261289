import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallPng } from '../support/files';
import {
  baseUrl,
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

const OFFICER = 'centro2.mx@demo.enlace.example';
const SUPERVISOR = 'supervision.mx@demo.enlace.example';
const GIVEN = 'Yolanda Marisol';
const FAMILY = 'Tzoc Ixcoy';

/** Fills the search before create with what the person says, and searches. */
async function search(page: Page, who: { given: string; family: string; birthDate: string }) {
  const form = page.getByRole('region', { name: 'Buscar antes de registrar' });
  await form.getByRole('textbox', { name: 'Nombres', exact: true }).fill(who.given);
  await form.getByRole('textbox', { name: 'Apellidos', exact: true }).fill(who.family);
  await form.getByRole('textbox', { name: /^Fecha de nacimiento/ }).fill(who.birthDate);
  await form.getByLabel('Sexo', { exact: true }).selectOption('female');
  await form.getByRole('button', { name: 'Buscar' }).click();
}

describe('centre registry', () => {
  it('a centre officer searches before registering, registers and admits a person, and a second search proposes her with the reasons instead of a duplicate', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, OFFICER);
    await page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Registro de centros' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Registro de centros' }).waitFor();

    // A search that finds nobody: registering opens with what was typed.
    await search(page, { given: GIVEN, family: FAMILY, birthDate: '1992-03-07' });
    await page.getByRole('heading', { name: /^Nadie de los registros de su país/ }).waitFor();
    await expectAccessible(page, 'registry search, nobody found');
    await page.getByRole('button', { name: 'Ninguna de estas: registrar una persona nueva' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrar una persona nueva' });
    await dialog.waitFor();
    await expect(dialog.getByRole('textbox', { name: 'Nombres', exact: true }).inputValue()).resolves.toBe(
      GIVEN,
    );
    await expect(dialog.getByRole('textbox', { name: /^Fecha de nacimiento/ }).inputValue()).resolves.toBe(
      '1992-03-07',
    );
    // Bad input is refused with a message, and what was typed stays as typed.
    await dialog.getByRole('textbox', { name: /^Fecha de nacimiento/ }).fill('1992-13');
    await dialog.getByRole('button', { name: 'Registrar' }).click();
    await dialog
      .getByText(/La fecha no corresponde a cómo se conoce|Use AAAA, AAAA-MM o AAAA-MM-DD/)
      .waitFor();
    await expect(dialog.getByRole('textbox', { name: /^Fecha de nacimiento/ }).inputValue()).resolves.toBe(
      '1992-13',
    );
    await dialog.getByRole('textbox', { name: /^Fecha de nacimiento/ }).fill('1992-03-07');
    await dialog.getByRole('textbox', { name: /^Nacionalidad/ }).click();
    await page.getByRole('option', { name: 'Guatemala', exact: true }).click();
    // Her photo, shown at the identity check when she leaves.
    await dialog
      .locator('input[type="file"]')
      .setInputFiles({ name: 'rostro.png', mimeType: 'image/png', buffer: smallPng() });
    await dialog.getByText('Foto: rostro.png').waitFor();
    // Her passport's machine-readable zone, with a check digit that does not add up: flagged, not corrected.
    const zone = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C35UTO7408122F1204159ZE184226B<<<<<10';
    await dialog.getByRole('textbox', { name: /^Zona de lectura mecánica/ }).fill(zone);
    await dialog.getByRole('button', { name: 'Verificar la MRZ' }).click();
    await dialog
      .getByText('El dígito de control (el número de documento) es incorrecto: mal leído o alterado.')
      .waitFor();
    await expect(
      dialog.getByRole('textbox', { name: /^Zona de lectura mecánica/ }).inputValue(),
    ).resolves.toBe(zone);
    await expectAccessible(page, 'register a person dialog');
    await snap(page, 'registry-register-es-1366');
    await dialog.getByRole('button', { name: 'Registrar' }).click();
    await page.getByRole('heading', { level: 1, name: `${GIVEN} ${FAMILY}` }).waitFor();
    // Registered with what was typed; the zone's flags are kept with the document.
    await page
      .getByText('El dígito de control (el número de documento) es incorrecto: mal leído o alterado.')
      .waitFor();

    // Admission to a centre, with the attention decided at reception.
    await page.getByRole('button', { name: 'Ingresar en un centro' }).click();
    const admission = page.getByRole('dialog', { name: 'Ingreso' });
    await admission
      .getByLabel(/^Centro/)
      .selectOption({ label: 'Estación migratoria de Tapachula (demo) (TAP-EM)' });
    await admission.getByLabel(/^Área/).selectOption('adult_women');
    await admission
      .getByRole('textbox', { name: /^Autoridad que remite/ })
      .fill('Guardia Nacional, Suchiate (prueba)');
    await admission
      .getByRole('textbox', { name: /^Motivo del ingreso/ })
      .fill('Control migratorio en carretera (prueba)');
    await admission.getByLabel('Atención médica').check();
    await expectAccessible(page, 'admission dialog');
    await admission.getByRole('button', { name: 'Ingresar' }).click();
    await admission.waitFor({ state: 'detached' });
    const stays = page.getByRole('table', { name: 'Estancias' });
    await stays
      .getByRole('row', { name: /Estación migratoria de Tapachula \(demo\).*En el centro/ })
      .waitFor();
    await expectAccessible(page, 'person page');

    // She comes back the next week and says her name without the accent-free spelling checked and
    // the day and month the other way round: Enlace proposes her, in a centre, with its reasons.
    await page.goto(`${baseUrl()}/registry`);
    await search(page, { given: 'Yolanda Marisol', family: 'Tzoc Ixcoy', birthDate: '1992-07-03' });
    const candidate = page.getByRole('link', { name: `${GIVEN} ${FAMILY}` });
    await candidate.waitFor();
    await page.getByText('En un centro ahora').first().waitFor();
    await page.getByRole('button', { name: 'Por qué esta coincidencia' }).first().click();
    const why = page.getByRole('table', { name: 'Cómo se compara cada dato con el registro' }).first();
    await why.getByRole('row', { name: /Apellidos.*Tzoc Ixcoy.*Tzoc Ixcoy.*Coincidencia fuerte/ }).waitFor();
    await expectAccessible(page, 'registry search with a candidate and its explanation');
    await snap(page, 'registry-search-es-1366');
    await context.close();
  });

  it('a release stops when the person leaving does not match the admission record, and another supervisor decides', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, OFFICER);
    await page.goto(`${baseUrl()}/registry`);
    await search(page, { given: GIVEN, family: FAMILY, birthDate: '1992-03-07' });
    await page.getByRole('link', { name: `${GIVEN} ${FAMILY}` }).click();
    await page
      .getByRole('table', { name: 'Estancias' })
      .getByRole('link', { name: 'Estación migratoria de Tapachula (demo)' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Estancia en Estación migratoria/ }).waitFor();
    await expectAccessible(page, 'stay page');

    await page.getByRole('button', { name: 'Salida', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Salida' });
    await dialog.getByRole('img', { name: `Foto de ${GIVEN} ${FAMILY}, tomada al registrarla` }).waitFor();
    await dialog.getByLabel(/^Resultado/).selectOption('return');
    await dialog.getByRole('textbox', { name: 'Nombres', exact: true }).fill('Rosa');
    await dialog.getByRole('textbox', { name: 'Apellidos', exact: true }).fill('Gómez Pérez');
    await dialog.getByRole('textbox', { name: /^Fecha de nacimiento/ }).fill('1971-11-30');
    await expectAccessible(page, 'release dialog');
    await dialog.getByRole('button', { name: 'Salida', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('alert')
      .filter({ hasText: 'Salida detenida por la verificación de identidad' })
      .first()
      .waitFor();
    await expect(definition(page, 'Situación').textContent()).resolves.toBe('En el centro');
    // The officer who attempted it may neither release again nor decide.
    await expect(page.getByRole('button', { name: 'Salida', exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Decidir' }).count()).resolves.toBe(0);
    await context.close();

    const supervisor = await newPage(browser);
    await signIn(supervisor.page, SUPERVISOR);
    await supervisor.page.goto(`${baseUrl()}/registry/release-checks`);
    const queue = supervisor.page.getByRole('table', { name: 'Verificaciones de salida' });
    await queue.getByRole('link', { name: `${GIVEN} ${FAMILY}` }).waitFor();
    await expectAccessible(supervisor.page, 'release checks queue');
    await queue.getByRole('link', { name: `${GIVEN} ${FAMILY}` }).click();
    await supervisor.page.getByRole('button', { name: 'Decidir' }).click();
    const decide = supervisor.page.getByRole('dialog', {
      name: 'Decidir sobre la verificación de identidad',
    });
    await decide.getByRole('row', { name: /Nombres.*Rosa.*Yolanda Marisol.*No coincide/ }).waitFor();
    await decide.getByLabel('No es la misma persona: mantener la estancia abierta').check();
    await decide
      .getByRole('textbox', { name: /^Por qué/ })
      .fill('Otra persona se presentó con sus datos (prueba)');
    await expectAccessible(supervisor.page, 'decide dialog');
    await decide.getByRole('button', { name: 'Decidir' }).click();
    await decide.waitFor({ state: 'detached' });
    await expect
      .poll(() => supervisor.page.getByText('Salida detenida por la verificación de identidad').count())
      .toBe(0);
    await expect(definition(supervisor.page, 'Situación').textContent()).resolves.toBe('En el centro');
    await expect(supervisor.page.getByText('Rechazada por una persona supervisora').count()).resolves.toBe(1);
    await supervisor.context.close();
  });

  it('a centre shows its places, arrivals and departures, residents and resources', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, SUPERVISOR);
    await page.goto(`${baseUrl()}/registry/centres`);
    await page.getByRole('link', { name: 'Estación migratoria de Tapachula (demo)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Estación migratoria de Tapachula (demo)' }).waitFor();
    await page
      .getByRole('table', { name: 'Ocupación ahora' })
      .getByRole('row', { name: /Total.*76/ })
      .waitFor();
    await page.getByRole('table', { name: 'Personas alojadas' }).getByRole('link').first().waitFor();
    await page
      .getByRole('table', { name: 'Personal' })
      .getByRole('row', { name: /Custodia.*22/ })
      .waitFor();
    await expectAccessible(page, 'centre page');
    await snap(page, 'registry-centre-es-1366');
    await context.close();
  });
});
