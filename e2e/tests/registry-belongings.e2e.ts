import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';
import { apiAs, checkBothWidths } from '../support/exchange';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const OFFICER = 'centro2.mx@demo.enlace.example';
const SUPERVISOR = 'supervision.mx@demo.enlace.example';
const IMEI = '356938035643809';

async function api(page: Page, method: string, path: string, body?: unknown) {
  const res = await apiAs(page, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
  return res.json;
}

describe('belongings of a person in a centre', () => {
  it('an officer records the inventory, a second officer verifies it, a missing item at release reaches the supervisor', async () => {
    const supervisor = await newPage(browser);
    const officer = await newPage(browser);
    await signIn(supervisor.page, SUPERVISOR);
    await signIn(officer.page, OFFICER);

    // The demo registry has no centres: the supervisor opens one, the officer admits a person.
    const run = Date.now().toString(36).toUpperCase();
    const centre = await api(supervisor.page, 'POST', '/api/registry/centres', {
      code: `E2E-${run}`,
      names: { es: `Estación de prueba ${run}`, en: `Test station ${run}`, fr: `Station d’essai ${run}` },
      type: 'custody',
      capacity: { adult_men: 20, adult_women: 20, families: 5, unaccompanied_children: 0 },
    });
    const identity = {
      givenNames: 'Wideline',
      familyNames: `Pierre-Louis ${run}`,
      sex: 'female' as const,
      birthDate: '1993-08-02',
      nationality: 'HTI',
    };
    const person = await api(officer.page, 'POST', '/api/registry/persons', {
      ...identity,
      birthDatePrecision: 'exact',
      languages: ['ht', 'fr'],
    });
    const admittedAt = new Date(Date.now() - 3 * 3600_000).toISOString();
    const stay = await api(officer.page, 'POST', '/api/registry/stays', {
      personId: person.id,
      centreId: centre.id,
      unit: 'adult_women',
      admittedAt,
      referringAuthority: 'Instituto Nacional de Migración',
      reason: 'Prueba de extremo a extremo',
      custodyType: 'administrative_custody',
    });
    const path = `/registry/stays/${stay.id}/belongings`;

    // The officer records cash and a phone; a mistyped IMEI is refused with the reason.
    const page = officer.page;
    await page.goto(`${baseUrl()}${path}`);
    await page.getByRole('heading', { level: 1, name: 'Pertenencias' }).waitFor();
    await page.getByText('Aún no se registró ningún objeto.').waitFor();
    await expectAccessible(page, 'empty belongings');

    await page.getByRole('button', { name: 'Agregar un objeto' }).click();
    let dialog = page.getByRole('dialog', { name: 'Agregar un objeto' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Tipo' }).selectOption('cash');
    await dialog.getByRole('combobox', { name: 'Moneda' }).selectOption('MXN');
    await dialog.getByRole('textbox', { name: /^Importe/ }).fill('1250,50');
    await dialog.getByRole('textbox', { name: /^Número de sello o bolsa/ }).fill('BOLSA-0101');
    await dialog.getByRole('textbox', { name: /^Descripción/ }).fill('Billetes de 500 y 200 pesos');
    await expectAccessible(page, 'add item dialog');
    await snap(page, 'belongings-item-es-1366');
    await dialog.getByRole('button', { name: 'Agregar el objeto' }).click();
    await dialog.waitFor({ state: 'detached' });
    // What was typed is what is stored: the decimal mark becomes a point, nothing is rounded.
    await page.getByRole('cell', { name: /1250,50\s+MXN|1\.250,50\s+MXN/ }).waitFor();

    await page.getByRole('button', { name: 'Agregar un objeto' }).click();
    dialog = page.getByRole('dialog', { name: 'Agregar un objeto' });
    await dialog.getByRole('combobox', { name: 'Tipo' }).selectOption('phone');
    await dialog.getByRole('textbox', { name: /^IMEI/ }).fill('356938035643808');
    await dialog.getByRole('textbox', { name: /^Número de sello o bolsa/ }).fill('BOLSA-0102');
    await dialog.getByRole('textbox', { name: /^Descripción/ }).fill('Teléfono azul con funda');
    await dialog.getByRole('button', { name: 'Agregar el objeto' }).click();
    await dialog
      .getByText(/cifra de control \(Luhn\)/)
      .first()
      .waitFor();
    await expectAccessible(page, 'refused IMEI');
    await dialog.getByRole('textbox', { name: /^IMEI/ }).fill(IMEI);
    await dialog.getByRole('button', { name: 'Agregar el objeto' }).click();
    await dialog.waitFor({ state: 'detached' });
    const items = page.getByRole('table', { name: 'Objetos' });
    await items.getByRole('cell', { name: `IMEI ${IMEI}` }).waitFor();
    // Who recorded the inventory does not verify it.
    await page.getByText('Lo verifica un segundo oficial').waitFor();
    await expect(page.getByRole('button', { name: 'Verificar el inventario' }).count()).resolves.toBe(0);
    await snap(page, 'belongings-draft-es-1366');
    await checkBothWidths(page, 'draft inventory');

    // The supervisor, who recorded nothing, verifies: the receipt is numbered, in Creole first.
    const sup = supervisor.page;
    await sup.goto(`${baseUrl()}${path}`);
    await sup.getByRole('button', { name: 'Verificar el inventario' }).click();
    const number = sup.getByText(/^Recibo MX-\d{4}-\d{6}$/);
    await number.waitFor();
    const receipt = ((await number.textContent()) ?? '').replace('Recibo ', '');
    const language = sup.getByRole('combobox', { name: 'Idioma del recibo' });
    await expect(language.inputValue()).resolves.toBe('ht');
    const download = sup.getByRole('link', { name: 'Descargar el recibo (PDF)' });
    await expect(download.getAttribute('href')).resolves.toBe(
      `/api/registry/stays/${stay.id}/belongings/receipt.pdf?lang=ht`,
    );
    const pdf = await sup.request.get(
      `${baseUrl()}/api/registry/stays/${stay.id}/belongings/receipt.pdf?lang=ht`,
    );
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(sup, 'verified inventory');

    // The release (identity confirmed), then the return item by item: the phone is missing.
    await api(page, 'POST', `/api/registry/stays/${stay.id}/release`, {
      releasedAt: new Date(Date.now() - 60_000).toISOString(),
      outcome: 'return',
      identity,
    });
    await page.reload();
    await page.getByText('Pertenencias aún bajo custodia').waitFor();
    await page.getByRole('button', { name: 'Registrar la devolución' }).click();
    dialog = page.getByRole('dialog', { name: 'Devolución en la salida, objeto por objeto' });
    await dialog.waitFor();
    const phone = dialog.getByRole('group', { name: /N\.º 2 · Teléfono/ });
    await phone.getByRole('combobox', { name: /^Resultado de N\.º 2/ }).selectOption('missing');
    await phone
      .getByRole('textbox', { name: /^Motivo para N\.º 2/ })
      .fill('La bolsa BOLSA-0102 estaba vacía');
    await expectAccessible(page, 'return dialog');
    await dialog.getByRole('button', { name: 'Registrar la devolución' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Discrepancias en la salida').waitFor();
    await items.getByText('Faltante').waitFor();
    await snap(page, 'belongings-returned-es-1366');
    await checkBothWidths(page, 'returned belongings');

    // The supervisor sees it in the country's discrepancies and opens the stay from there.
    await sup.goto(`${baseUrl()}/registry/belongings/discrepancies`);
    await sup.getByRole('heading', { level: 1, name: 'Discrepancias de pertenencias' }).waitFor();
    const table = sup.getByRole('table', { name: 'Discrepancias de pertenencias' });
    const row = table.getByRole('row', { name: new RegExp(receipt) });
    await row.waitFor();
    await row.getByText('Faltante').waitFor();
    await row.getByText(/Teléfono azul con funda/).waitFor();
    await snap(sup, 'belongings-discrepancies-es-1366');
    await checkBothWidths(sup, 'discrepancies');
    await row.getByRole('link', { name: new RegExp(`recibo ${receipt}`) }).click();
    await sup.waitForURL(new RegExp(`${path}$`));
    await sup.getByRole('heading', { level: 1, name: 'Pertenencias' }).waitFor();

    await supervisor.context.close();
    await officer.context.close();
  });
});
