import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, launchBrowser, newPage, signIn, snap } from '../support/browser';
import { apiAs, checkBothWidths, chooseCodes } from '../support/exchange';
import { elfProgram, smallPdf } from '../support/files';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SUBJECT = `Informe de patrulla con adjunto (e2e ${Date.now()})`;
const BODY = 'Adjunto el informe de la patrulla costera de anoche (e2e).';
const REPORT = smallPdf('Informe de la patrulla costera - Ocos (e2e)');
const NOTES = Buffer.from('hora;lugar;personas\n02:10;Ocós;41\n', 'utf8');

/** Opens the file chooser with `open` (a click or a key) and gives it the files. */
async function choose(
  page: Page,
  open: () => Promise<void>,
  files: { name: string; mimeType: string; buffer: Buffer }[],
) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), open()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
}

describe('attachments in the secure exchange', () => {
  it('Mexico attaches a PDF to a new exchange, an executable renamed .pdf is refused and the form keeps what was typed; Guatemala downloads the PDF and replies with a file', async () => {
    const limits = await (async () => {
      const { context, page } = await newPage(browser);
      await signIn(page, DEMO.liaisonMx);
      const res = await apiAs(page, 'GET', '/api/files/limits');
      await context.close();
      return res.json as { maxBytes: number };
    })();

    const mx = await newPage(browser);
    await signIn(mx.page, DEMO.liaisonMx);
    await mx.page.goto(`${baseUrl()}/exchange/new`);
    await mx.page.getByRole('heading', { level: 1, name: 'Nuevo intercambio' }).waitFor();
    await mx.page.getByLabel(/^Asunto/).fill(SUBJECT);
    await mx.page.getByLabel(/^Tipo/).selectOption('informal');
    await mx.page.getByLabel('Buscar una persona o una institución').fill('Rosa');
    await mx.page.getByRole('button', { name: 'Añadir a Rosa Tzul (demo)' }).click();
    await mx.page.getByLabel(/^Mensaje/).fill(BODY);

    const field = mx.page.getByRole('group', { name: 'Archivos adjuntos' });
    // The limits the server states, before any file is chosen.
    const megabytes = new Intl.NumberFormat('es').format(Math.round((limits.maxBytes / 1048576) * 10) / 10);
    await field
      .getByText(new RegExp(`^Hasta 10 archivos de ${megabytes}\\s?MB como máximo cada uno: PDF, JPG`))
      .waitFor();
    const attach = field.getByRole('button', { name: 'Adjuntar archivos' });
    // The button is reached and used with the keyboard (press focuses it, then sends the key).
    await choose(mx.page, () => attach.press('Enter'), [
      { name: 'informe-patrulla.pdf', mimeType: 'application/pdf', buffer: REPORT },
    ]);
    const list = field.getByRole('list', { name: 'Archivos elegidos' });
    const report = list.getByRole('listitem').filter({ hasText: 'informe-patrulla.pdf' });
    await report.getByText(/· adjuntado$/).waitFor();

    // A program renamed .pdf: the server reads its content and refuses it; it is not attached.
    await choose(mx.page, () => attach.click(), [
      { name: 'acta-firmada.pdf', mimeType: 'application/pdf', buffer: elfProgram() },
    ]);
    const refused = list.getByRole('listitem').filter({ hasText: 'acta-firmada.pdf' });
    await refused.getByText(/· no adjuntado$/).waitFor();
    await refused.getByText(/Este tipo de archivo no se acepta/).waitFor();
    await mx.page.getByRole('status').filter({ hasText: 'acta-firmada.pdf: no adjuntado.' }).waitFor();
    expect(await mx.page.getByLabel(/^Mensaje/).inputValue()).toBe(BODY);
    expect(await mx.page.getByLabel(/^Asunto/).inputValue()).toBe(SUBJECT);
    await chooseCodes(mx.page.locator('main'), 'H0', 'A', '1');
    await checkBothWidths(mx.page, 'new exchange with attachments');
    await snap(mx.page, 'exchange-attachments-new-es-1366');
    await mx.page.setViewportSize({ width: 390, height: 844 });
    await snap(mx.page, 'exchange-attachments-new-es-390');
    await mx.page.setViewportSize({ width: 1366, height: 900 });

    await refused.getByRole('button', { name: 'Quitar acta-firmada.pdf' }).click();
    await refused.waitFor({ state: 'detached' });
    await mx.page.getByRole('button', { name: 'Abrir el intercambio' }).click();
    await mx.page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    const threadPath = new URL(mx.page.url()).pathname;
    const sent = mx.page.getByRole('listitem').filter({ hasText: BODY });
    const attachments = sent.getByRole('list', { name: 'Adjuntos' });
    await attachments.getByRole('link', { name: 'informe-patrulla.pdf' }).waitFor();
    expect(await attachments.getByRole('listitem').count()).toBe(1);

    // Guatemala, the other participant, downloads it: the same bytes, under its name.
    const gt = await newPage(browser);
    await signIn(gt.page, DEMO.liaisonGt);
    await gt.page.goto(`${baseUrl()}${threadPath}`);
    const link = gt.page
      .getByRole('listitem')
      .filter({ hasText: BODY })
      .getByRole('link', { name: 'informe-patrulla.pdf' });
    const [download] = await Promise.all([gt.page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('informe-patrulla.pdf');
    expect(readFileSync(await download.path()).equals(REPORT)).toBe(true);

    // Guatemala's reply carries a file of its own.
    const composer = gt.page.getByRole('region', { name: 'Responder' });
    await composer.getByLabel(/^Mensaje/).fill('Van los datos de la interceptación (e2e).');
    await choose(gt.page, () => composer.getByRole('button', { name: 'Adjuntar archivos' }).click(), [
      { name: 'interceptacion.csv', mimeType: 'text/csv', buffer: NOTES },
    ]);
    await composer
      .getByRole('listitem')
      .filter({ hasText: 'interceptacion.csv' })
      .getByText(/· adjuntado$/)
      .waitFor();
    await chooseCodes(composer, 'H0', 'B', '2');
    await checkBothWidths(gt.page, 'reply with an attachment');
    await snap(gt.page, 'exchange-attachments-reply-es-1366');
    await composer.getByRole('button', { name: 'Enviar' }).click();
    const reply = gt.page
      .getByRole('listitem')
      .filter({ hasText: 'Van los datos de la interceptación (e2e).' });
    await reply.getByRole('link', { name: 'interceptacion.csv' }).waitFor();
    // The composer is empty again, its files now the message's.
    await composer.getByRole('list', { name: 'Archivos elegidos' }).waitFor({ state: 'detached' });

    // And Mexico downloads Guatemala's file.
    await mx.page.reload();
    const back = mx.page
      .getByRole('listitem')
      .filter({ hasText: 'Van los datos de la interceptación (e2e).' })
      .getByRole('link', { name: 'interceptacion.csv' });
    const [csv] = await Promise.all([mx.page.waitForEvent('download'), back.click()]);
    expect(readFileSync(await csv.path()).equals(NOTES)).toBe(true);

    await Promise.all([mx.context.close(), gt.context.close()]);
  });
});
