import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';
import { apiAs, checkBothWidths, snapInEveryLanguage } from '../support/exchange';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SUPERVISOR_MX = 'supervision.mx@demo.enlace.example';
const OFFICER_MX = 'centro2.mx@demo.enlace.example';
// The ICAO 9303 specimen passport: its names are not this person's, so the check flags them.
const SPECIMEN = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe('registry: documents, occupancy and resources over time, incidents of admissions', () => {
  it('an officer adds a passport with its MRZ flags, withdraws a document with a reason, and finds the person by the passport', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, OFFICER_MX);
    const created = await apiAs(page, 'POST', '/api/registry/persons', {
      givenNames: 'Dilcia Marisol',
      familyNames: 'Ramírez Ochoa',
      sex: 'female',
      birthDate: '1991-06-18',
      birthDatePrecision: 'exact',
      nationality: 'HND',
      languages: ['es'],
      documentNumber: 'HN-0801-1991-0456',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const id = created.json.id as string;
    await page.goto(`${baseUrl()}/registry/persons/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Dilcia Marisol Ramírez Ochoa' }).waitFor();
    const documents = page.getByRole('region', { name: 'Documentos' });
    await documents.getByText('Documento dado en el registro').waitFor();

    await documents.getByRole('button', { name: 'Agregar un documento' }).click();
    const dialog = page.getByRole('dialog', { name: 'Agregar un documento' });
    await dialog.getByRole('combobox', { name: /^Tipo de documento/ }).selectOption('passport');
    await dialog.getByRole('textbox', { name: /^Número/ }).fill('L898902C3');
    await dialog.getByRole('textbox', { name: /^Vence el/ }).fill('2031-05-30');
    await dialog.getByRole('textbox', { name: /^Zona de lectura mecánica/ }).fill(SPECIMEN);
    await expectAccessible(page, 'add a document');
    await snap(page, 'registry-more-document-form-es-1366');
    await dialog.getByRole('button', { name: 'Agregar un documento' }).click();
    await dialog.waitFor({ state: 'detached' });
    const passport = documents.getByRole('group', { name: /^Pasaporte L898902C3/ });
    await passport.waitFor();
    // Flagged, never corrected: the names and the expiry the zone gives are not what was typed.
    await passport
      .getByText(/puntos? por verificar/)
      .first()
      .waitFor();

    const registration = documents.getByRole('group', { name: /^Documento dado en el registro/ });
    await registration.getByRole('button', { name: 'Retirar' }).click();
    const withdraw = page.getByRole('dialog', { name: /^Retirar Documento dado en el registro/ });
    await withdraw.getByRole('textbox', { name: /^Motivo/ }).fill('Denunciado como extraviado');
    await expectAccessible(page, 'withdraw a document');
    await withdraw.getByRole('button', { name: 'Retirar' }).click();
    await withdraw.waitFor({ state: 'detached' });
    await registration.getByText('Denunciado como extraviado', { exact: false }).waitFor();
    await registration.getByText('Retirado', { exact: true }).first().waitFor();
    await checkBothWidths(page, 'person with documents');
    await snap(page, 'registry-more-person-es-1366');

    const search = await apiAs(page, 'POST', '/api/registry/persons/search', { documentNumber: 'L898902C3' });
    expect(search.status).toBe(200);
    expect(search.json.candidates.map((c: { person: { id: string } }) => c.person.id)).toContain(id);
    await context.close();
  });

  it('a supervisor reads residents per day by nationality and the resources over time, with their tables', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, SUPERVISOR_MX);
    const centres = await apiAs(page, 'GET', '/api/registry/centres');
    const centre = (centres.json.items as { id: string; code: string }[]).find((c) => c.code === 'TAP-ALB');
    expect(centre).toBeDefined();
    for (const [asOf, custody] of [
      ['2026-09-01', 4],
      ['2026-10-01', 6],
    ] as const) {
      const res = await apiAs(page, 'POST', `/api/registry/centres/${centre?.id}/resources`, {
        asOf,
        staff: [
          { role: 'custody', count: custody },
          { role: 'psychosocial', count: 2 },
        ],
        budget: [{ line: 'Alimentación', year: 2026, amount: 150000 + custody, currency: 'MXN' }],
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
    }
    await page.goto(`${baseUrl()}/registry/centres/${centre?.id}`);
    const perDay = page.getByRole('region', { name: 'Residentes por día' });
    await perDay.waitFor();
    await perDay.getByText('nacionalidad', { exact: true }).click();
    await perDay.getByRole('button', { name: 'Ver la tabla de datos' }).click();
    await perDay.getByRole('table').waitFor();
    const overTime = page.getByRole('region', { name: 'Recursos en el tiempo' });
    await overTime.waitFor();
    await overTime.getByRole('button', { name: 'Ver la tabla de datos' }).click();
    await overTime.getByRole('table').getByText('Custodia').waitFor();
    await overTime.getByText('Presupuesto por moneda').click();
    await overTime.getByRole('table').getByText('MXN').first().waitFor();
    await checkBothWidths(page, 'centre over time');
    await snap(page, 'registry-more-centre-es-1366');
    await context.close();
  });

  it('the stay names the incident it follows from; a role without incidents has no picker', async () => {
    const liaison = await newPage(browser);
    await signIn(liaison.page, DEMO.liaisonMx);
    const incidents = await apiAs(liaison.page, 'GET', '/api/incidents?limit=1');
    const incident = incidents.json.items[0] as { id: string; reference: string };
    await liaison.context.close();

    const { context, page } = await newPage(browser);
    await signIn(page, SUPERVISOR_MX);
    const person = await apiAs(page, 'POST', '/api/registry/persons', {
      givenNames: 'Elmer Josué',
      familyNames: 'Pineda Cruz',
      sex: 'male',
      birthDate: '1987-02-11',
      birthDatePrecision: 'exact',
      nationality: 'SLV',
      languages: ['es'],
    });
    expect(person.status).toBe(201);
    await page.goto(`${baseUrl()}/registry/persons/${person.json.id}`);
    await page.getByRole('button', { name: 'Ingresar en un centro' }).click();
    const admission = page.getByRole('dialog');
    await admission.getByRole('combobox', { name: /^Centro/ }).waitFor();
    expect(await admission.getByRole('textbox', { name: /^Incidente/ }).count()).toBe(0);
    await page.keyboard.press('Escape');

    const centres = await apiAs(page, 'GET', '/api/registry/centres');
    const centre = (centres.json.items as { id: string; code: string }[]).find((c) => c.code === 'TAP-ALB');
    const stay = await apiAs(page, 'POST', '/api/registry/stays', {
      personId: person.json.id,
      centreId: centre?.id,
      unit: 'families',
      admittedAt: new Date(Date.now() - 3_600_000).toISOString(),
      referringAuthority: 'Guardia Nacional, Suchiate',
      reason: 'Rescatado en el operativo del incidente',
      custodyType: 'shelter',
      incidentId: incident.id,
    });
    expect(stay.status, JSON.stringify(stay.json)).toBe(201);
    await page.goto(`${baseUrl()}/registry/stays/${stay.json.id}`);
    await page.getByText(incident.reference, { exact: true }).waitFor();
    // A supervisor may not read incidents: the reference, not a link.
    expect(await page.getByRole('link', { name: incident.reference }).count()).toBe(0);
    await expectAccessible(page, 'stay with its incident');
    await context.close();
  });

  it('shows the person with documents, the centre over time and the stay in Spanish, English and French at 1366 and 390 px', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, SUPERVISOR_MX);
    const person = await apiAs(page, 'POST', '/api/registry/persons', {
      givenNames: 'Yesenia Lorena',
      familyNames: 'Castellanos Ruiz',
      sex: 'female',
      birthDate: '1996-02-11',
      birthDatePrecision: 'exact',
      nationality: 'GTM',
      languages: ['es'],
      documentNumber: 'G40127733',
    });
    expect(person.status, JSON.stringify(person.json)).toBe(201);
    const centres = await apiAs(page, 'GET', '/api/registry/centres');
    const centre = (centres.json.items as { id: string; code: string }[]).find((c) => c.code === 'TAP-ALB');
    const stay = await apiAs(page, 'POST', '/api/registry/stays', {
      personId: person.json.id,
      centreId: centre?.id,
      unit: 'adult_women',
      admittedAt: new Date(Date.now() - 7_200_000).toISOString(),
      referringAuthority: 'Instituto Nacional de Migración',
      reason: 'Presentada en el punto de control',
      custodyType: 'shelter',
    });
    expect(stay.status, JSON.stringify(stay.json)).toBe(201);
    const screens: [string, string][] = [
      ['person', `/registry/persons/${person.json.id}`],
      ['centre', `/registry/centres/${centre?.id}`],
      ['stay', `/registry/stays/${stay.json.id}`],
    ];
    await snapInEveryLanguage(page, 'registry-more', screens);
    await context.close();
  });

  it('on a phone the registry sections are one row that scrolls, with the current one in view', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, SUPERVISOR_MX);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/registry/regional`);
    const nav = page.getByRole('navigation', { name: 'Pantallas del registro de centros' });
    const current = nav.locator('[aria-current="page"]');
    await current.waitFor();
    const row = await nav.locator('ul').boundingBox();
    const links = await nav.getByRole('link').count();
    expect(links).toBeGreaterThanOrEqual(8);
    // One row of buttons (they wrapped to four rows, half of the first screen), inside the screen.
    expect(row?.height ?? 0).toBeLessThan(56);
    expect((row?.x ?? 0) + (row?.width ?? 0)).toBeLessThanOrEqual(390);
    // The last section, current, was scrolled into the row.
    const box = await current.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'registry sections on a phone');
    await snap(page, 'registry-sections-es-390');
    await context.close();
  });
});
