import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
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

// A place name no other test uses, to find this incident again.
const PLACE = `Frente a Isla Mujeres (e2e ${Date.now()})`;
let incidentPath = '';
let reference = '';

async function openIncidents(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navegación principal' })
    .getByRole('link', { name: 'Incidentes y casos' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Incidentes' }).waitFor();
}

describe('incidents', () => {
  it('a liaison officer records an incident through the form, with the server’s errors shown, and finds it in the list and the detail', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.liaisonMx);
    await openIncidents(page);
    await page.getByRole('table', { name: 'Incidentes' }).waitFor();
    await expectAccessible(page, 'incidents list');

    await page.getByRole('link', { name: 'Nuevo informe de incidente' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuevo informe de incidente' }).waitFor();
    await page
      .getByLabel('Tipo de incidente')
      .locator('option[value="interception_at_sea"]')
      .waitFor({ state: 'attached' });
    await expectAccessible(page, 'new incident form');

    await page.getByLabel('Tipo de incidente').selectOption('interception_at_sea');
    expect(await page.getByLabel('Vía').inputValue()).toBe('sea');
    await page.getByLabel('Grado de confianza').selectOption('high');
    // A date in the future: refused, in Spanish, next to the field.
    await page.getByLabel('Fecha (local, en el lugar)').fill('2099-01-01');
    await page.getByLabel('Hora (local, en el lugar)').fill('06:45');
    // The zone starts as the user's country's, and Mexico's zones are listed first (west to east).
    const zone = page.getByRole('textbox', { name: 'Huso horario del lugar' });
    expect(await zone.inputValue()).toContain('(America/Mexico_City)');
    await zone.click();
    expect(
      await page
        .getByRole('listbox', { name: 'Huso horario del lugar' })
        .getByRole('option')
        .first()
        .textContent(),
    ).toContain('(America/Tijuana)');
    await zone.fill('Cancun');
    await page.getByRole('option', { name: /\(America\/Cancun\)/ }).click();
    expect(await zone.inputValue()).toMatch(/^UTC−05:00 · Cancun, .*\(America\/Cancun\)$/);
    await page.getByLabel('Nombre del lugar').fill(PLACE);
    await page.getByLabel('País (Estado ribereño en el mar)').selectOption('MEX');
    await page.getByLabel('Zona marítima').selectOption('territorial_sea');
    await page.getByLabel('Latitud').fill('21.25');
    await page.getByLabel('Longitud').fill('-86.75');
    await page.getByLabel('Tipo', { exact: true }).selectOption('vessel');
    await page.getByLabel('Nombre o número').fill('La Esperanza');
    await page.getByLabel('Estado del pabellón').selectOption('HND');
    // Counts that are not whole numbers ≥ 0 keep the text typed and say why they are refused.
    await page.getByLabel('Migrantes').fill('3.5');
    await page.getByLabel('Mujeres y niñas').fill('8');
    await page.getByLabel('Hombres y niños').fill('15');
    await page.getByLabel('Menores de 18 años').fill('4');
    await page.getByLabel('Fallecidos').fill('-5');
    await page.getByLabel('Traficantes aprehendidos').fill('2');
    await page.getByRole('button', { name: 'Añadir una fila' }).click();
    await page.getByLabel('Nacionalidad, fila 1').selectOption('CUB');
    await page.getByLabel('Sexo, fila 1').selectOption('female');
    await page.getByLabel('Grupo de edad, fila 1').selectOption('18-59');
    await page.getByLabel('Personas, fila 1').fill('6');
    await page.getByLabel('Lancha rápida').check();
    await page.getByLabel('Embarcación sobrecargada').check();
    await page.getByLabel('País de origen').selectOption('CUB');
    await page.getByLabel('País de destino').selectOption('MEX');
    await page
      .getByLabel('Relato')
      .fill('Interceptada por la Guardia Costera al amanecer; 23 personas a bordo.');
    await page.getByRole('button', { name: 'Registrar el incidente' }).click();

    await page.getByText('La fecha de un incidente debe estar entre el 1 de enero de 1990 y hoy.').waitFor();
    await page.getByText('Escriba un número entero.').waitFor();
    await page.getByText('Demasiado pequeño (mínimo 0).').waitFor();
    expect(await page.getByLabel('Migrantes').inputValue()).toBe('3.5');
    expect(await page.getByLabel('Fallecidos').inputValue()).toBe('-5');
    expect(await page.getByLabel('Migrantes').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Fecha (local, en el lugar)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'incident form with refused values');
    await snap(page, 'incident-form-number-errors');

    // Counts that do not agree are refused at the field by the rules the server applies too.
    await page.getByLabel('Migrantes').fill('23');
    await page.getByLabel('Fallecidos').fill('50');
    await page.getByLabel('Fecha (local, en el lugar)').fill('2025-08-14');
    await page.getByRole('button', { name: 'Registrar el incidente' }).click();
    await page.getByText('50 es más que el número de migrantes (23).').waitFor();
    await page.getByLabel('Fallecidos').fill('0');

    // What only the server knows (a maritime zone off the sea) comes back in Spanish, at the field.
    await page.getByLabel('Vía').selectOption('land');
    await page.getByRole('button', { name: 'Registrar el incidente' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Algunos campos no son válidos' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Zona marítima');
    expect(await page.getByLabel('Zona marítima').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'incident form with server errors');
    await snap(page, 'incident-form-errors');

    await page.getByLabel('Vía').selectOption('sea');
    await page.getByRole('button', { name: 'Registrar el incidente' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Incidente MEX-20250814-/ });
    await heading.waitFor();
    reference = ((await heading.textContent()) ?? '').replace('Incidente ', '');
    incidentPath = new URL(page.url()).pathname;

    // Everything the form said, including what is unknown.
    expect(await definition(page, 'Tipo de incidente').textContent()).toBe('Interceptación en el mar');
    expect(await definition(page, 'Hora (UTC)').textContent()).toMatch(/11:45/);
    expect(await definition(page, 'Hora local').textContent()).toMatch(/06:45/);
    expect(await definition(page, 'Zona marítima').textContent()).toContain('Mar territorial');
    expect(await definition(page, 'Estado del pabellón').textContent()).toBe('Honduras');
    const people = page.getByRole('region', { name: 'Personas involucradas' });
    expect(await people.locator('dt:text-is("Migrantes") + dd').textContent()).toBe('23');
    expect(await people.locator('dt:text-is("Fallecidos") + dd').textContent()).toBe('0');
    expect(await people.locator('dt:text-is("Desaparecidos") + dd').textContent()).toBe('desconocido');
    expect(await people.getByRole('table').textContent()).toContain('Cuba');
    expect(await page.getByRole('group', { name: 'Ruta del origen al destino' }).textContent()).toMatch(
      /Cuba.*México/,
    );
    await page.getByRole('region', { name: 'Modus operandi' }).getByText('Lancha rápida').waitFor();
    await expectAccessible(page, 'incident detail');
    await snap(page, 'incident-detail');

    await openIncidents(page);
    // The filters narrow the list to that day (the demo data has hundreds of reports).
    await page.getByLabel('Desde (fecha)').fill('2025-08-14');
    await page.getByLabel('Hasta (fecha)').fill('2025-08-14');
    await page.getByLabel('Tipo de incidente').selectOption('interception_at_sea');
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    expect(new URL(page.url()).search).toContain('from=2025-08-14');
    expect(await row.textContent()).toContain(PLACE);
    expect(await row.textContent()).toContain('desconocido');
    await snap(page, 'incidents-list');

    // The period's reports, exported in the Enlace layout (CSV), carry this one.
    await page.getByRole('button', { name: 'Exportar' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'CSV', exact: true }).last().click(),
    ]);
    expect(download.suggestedFilename()).toBe('incidents-enlace.csv');
    const exported = readFileSync(await download.path(), 'utf8');
    // The Enlace layout is written in the reader's language.
    expect(exported.split('\n')[0]).toMatch(/^Referencia,País que informa,/);
    expect(exported).toContain(reference);
    await context.close();
  });

  it('a follow-up report amends it, and the history keeps what was first reported', async () => {
    expect(incidentPath).not.toBe('');
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.liaisonMx);
    await page.goto(`${baseUrl()}${incidentPath}`);
    await page.getByRole('link', { name: 'Informe de seguimiento' }).click();
    await page.getByRole('heading', { level: 1, name: `Informe de seguimiento de ${reference}` }).waitFor();
    // A follow-up report needs its note.
    await page.getByRole('button', { name: 'Registrar el informe de seguimiento' }).click();
    await page.getByText('Este campo es obligatorio.').waitFor();
    await page
      .getByLabel('Qué añade este informe de seguimiento')
      .fill('La Guardia Costera recuperó dos cuerpos; tres personas siguen desaparecidas.');
    await page.getByLabel('Fallecidos').fill('2');
    await page.getByLabel('Desaparecidos').fill('3');
    await page.getByRole('button', { name: 'Registrar el informe de seguimiento' }).click();

    await page.getByRole('heading', { level: 1, name: `Incidente ${reference}` }).waitFor();
    await page.getByText('Este informe ha sido modificado').waitFor();
    const people = page.getByRole('region', { name: 'Personas involucradas' }).first();
    expect(await people.locator('dt:text-is("Fallecidos") + dd').textContent()).toBe('2');
    expect(await people.locator('dt:text-is("Desaparecidos") + dd').textContent()).toBe('3');

    const history = page.getByRole('region', { name: 'Historial del informe' });
    const followUp = history.getByRole('listitem').filter({ hasText: 'Versión 2 · Informe de seguimiento' });
    await followUp.getByText('La Guardia Costera recuperó dos cuerpos').waitFor();
    const changes = followUp.getByRole('table', { name: 'Cambios de la versión 2' });
    expect(await changes.getByRole('row', { name: /Fallecidos/ }).textContent()).toMatch(
      /Fallecidos\s*0\s*2/,
    );
    expect(await changes.getByRole('row', { name: /Desaparecidos/ }).textContent()).toMatch(
      /Desaparecidosdesconocido3/,
    );
    const first = history.getByRole('listitem').filter({ hasText: 'Versión 1 · Primer informe' });
    await first.getByText('Tal como se informó primero').waitFor();
    await first.getByRole('button', { name: 'Ver el informe completo en la versión 1' }).click();
    const firstPeople = first.getByRole('region', { name: 'Personas involucradas' });
    expect(await firstPeople.locator('dt:text-is("Fallecidos") + dd').textContent()).toBe('0');
    expect(await firstPeople.locator('dt:text-is("Desaparecidos") + dd').textContent()).toBe('desconocido');
    // Linked to another report of the same network.
    await page.getByRole('button', { name: 'Vincular un incidente' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vincular un incidente' });
    const target = dialog.getByLabel('Incidente que vincular');
    await target.locator('option').nth(1).waitFor({ state: 'attached' });
    const linked = ((await target.locator('option').nth(1).textContent()) ?? '').split(' — ')[0] ?? '';
    await target.selectOption({ index: 1 });
    await dialog.getByLabel('Relación').selectOption('same_network');
    await dialog.getByRole('button', { name: 'Vincular', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const links = page.getByRole('region', { name: 'Incidentes vinculados' });
    await links.getByRole('link', { name: linked }).waitFor();
    expect(await links.textContent()).toContain('Misma red');
    await expectAccessible(page, 'incident detail with history');
    await snap(page, 'incident-history');
    await context.close();
  });

  it('another country cannot open the report', async () => {
    expect(incidentPath).not.toBe('');
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.liaisonGt);
    await page.goto(`${baseUrl()}${incidentPath}`);
    await page.getByRole('heading', { level: 1, name: 'Página no encontrada' }).waitFor();
    await page.goto(`${baseUrl()}/incidents?from=2025-08-14&to=2025-08-14`);
    await page.getByRole('table', { name: 'Incidentes' }).waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByRole('row').filter({ hasText: reference }).count()).toBe(0);
    await context.close();
  });
});
