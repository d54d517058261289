import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, expectAccessible, launchBrowser, newPage, signIn, snap } from '../support/browser';
import { apiAs, checkBothWidths, chooseCodes, snapInEveryLanguage } from '../support/exchange';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SUBJECT = `Lancha en Ocós (e2e ${Date.now()})`;
const SECRET = 'El capitán se llama Rigoberto y sale de noche (e2e)';
let threadPath = '';

describe('secure exchange', () => {
  it('Mexico opens an exchange with Guatemala; Guatemala sees it, acknowledges and replies; an H2 forward waits for the provider’s permission; another country gets not found', async () => {
    const mx = await newPage(browser);
    await signIn(mx.page, DEMO.liaisonMx);
    await mx.page
      .getByRole('navigation', { name: 'Navegación principal' })
      .getByRole('link', { name: 'Intercambio seguro' })
      .click();
    await mx.page.getByRole('heading', { level: 1, name: 'Intercambio seguro' }).waitFor();
    await checkBothWidths(mx.page, 'exchange inbox');

    await mx.page.getByRole('link', { name: 'Nuevo intercambio' }).click();
    await mx.page.getByRole('heading', { level: 1, name: 'Nuevo intercambio' }).waitFor();
    // No code is chosen beforehand: sending without them is refused, field by field.
    await mx.page.getByLabel(/^Asunto/).fill(SUBJECT);
    await mx.page.getByLabel(/^Tipo/).selectOption('formal_request');
    await mx.page.getByRole('radio', { name: 'Urgente' }).check();
    expect(await mx.page.getByText(/8 horas para una solicitud urgente/).count()).toBe(1);
    await mx.page.getByLabel('Buscar una persona o una institución').fill('Rosa');
    await mx.page.getByRole('button', { name: 'Añadir a Rosa Tzul (demo)' }).click();
    await mx.page.getByLabel(/^Mensaje/).fill(SECRET);
    await mx.page.getByRole('button', { name: 'Abrir el intercambio' }).click();
    await mx.page.getByText('Elija un código de manejo.').waitFor();
    await mx.page.getByText('Elija la fiabilidad de la fuente.').waitFor();
    await chooseCodes(mx.page.locator('main'), 'H2', 'B', '2');
    await checkBothWidths(mx.page, 'new exchange form');
    await snap(mx.page, 'exchange-new-es-1366');
    await mx.page.getByRole('button', { name: 'Abrir el intercambio' }).click();
    await mx.page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    threadPath = new URL(mx.page.url()).pathname;
    expect(await mx.page.locator('.handling-badge').first().textContent()).toContain('H2 · B2');

    // Guatemala finds it in its inbox, unread, and opens it.
    const gt = await newPage(browser);
    await signIn(gt.page, DEMO.liaisonGt);
    await gt.page.goto(`${baseUrl()}/exchange`);
    const table = gt.page.getByRole('table', { name: 'Intercambios' });
    const row = table.getByRole('row').filter({ hasText: SUBJECT });
    await row.waitFor();
    expect(await row.textContent()).toContain('No leído');
    expect(await row.textContent()).toContain('Urgente');
    expect(await row.textContent()).toContain('México');
    await row.getByRole('link').click();
    await gt.page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await gt.page.getByText(SECRET).waitFor();
    await gt.page.getByRole('button', { name: 'Acusar recibo' }).click();
    await gt.page.getByRole('button', { name: 'Acusar recibo' }).waitFor({ state: 'detached' });

    // The reply, with its own codes.
    const composer = gt.page.getByRole('region', { name: 'Responder' });
    await composer.getByLabel(/^Mensaje/).fill('Recibido. Coordinamos con la policía de Ocós (e2e).');
    await chooseCodes(composer, 'H0', 'A', '1');
    await composer.getByRole('button', { name: 'Enviar' }).click();
    await gt.page.getByText('Recibido. Coordinamos con la policía de Ocós (e2e).').first().waitFor();
    await checkBothWidths(gt.page, 'exchange thread');

    // Another exchange of Guatemala's, with Honduras, to forward Mexico's H2 message to.
    const other = await apiAs(gt.page, 'POST', '/api/exchange/threads', {
      subject: `Ruta Honduras (e2e ${Date.now()})`,
      type: 'informal',
      priority: 'normal',
      participants: [{ kind: 'country', ref: 'HND' }],
      message: { body: 'Seguimiento de la ruta', codes: { handling: 'H0', reliability: 'B', accuracy: '2' } },
    });
    expect(other.status).toBe(201);

    const original = gt.page.getByRole('listitem').filter({ hasText: SECRET });
    expect(await original.textContent()).toContain(
      'Para reenviar este mensaje necesita el permiso de quien lo aportó (código de manejo H2).',
    );
    await original.getByRole('button', { name: /^Reenviar/ }).click();
    let dialog = gt.page.getByRole('dialog', { name: 'Reenviar este mensaje' });
    await dialog.getByLabel('Al intercambio').selectOption(other.json.id);
    await dialog.getByRole('button', { name: 'Reenviar', exact: true }).click();
    // The server refuses, and says why in words.
    await dialog
      .getByRole('alert')
      .getByText(/reserva esta acción a su proveedor/)
      .waitFor();
    await expectAccessible(gt.page, 'forward dialog');
    await snap(gt.page, 'exchange-forward-refused-es-1366');
    await dialog.getByLabel(/^Por qué lo necesita/).fill('Honduras investiga la misma red (e2e).');
    await dialog.getByRole('button', { name: 'Pedir permiso' }).click();
    await dialog.getByText(/a la espera de respuesta/).waitFor();
    await gt.page.keyboard.press('Escape');

    // Mexico, the provider, grants it from the requests page.
    await mx.page.goto(`${baseUrl()}/exchange/requests`);
    await mx.page.getByRole('heading', { level: 1, name: 'Permisos de manejo' }).waitFor();
    const incoming = mx.page.getByRole('table', { name: 'Por decidir' });
    const ask = incoming.getByRole('row').filter({ hasText: 'Honduras investiga la misma red (e2e).' });
    await ask.waitFor();
    await ask.getByText('Rosa Tzul (demo)').waitFor();
    // The provider sees what the request is about: the exchange, the code, the message's words.
    const about = ask.getByRole('link', { name: new RegExp(SUBJECT.replace(/[()]/g, '\\$&')) });
    await about.waitFor();
    expect(await about.getAttribute('href')).toMatch(new RegExp(`^${threadPath}#message-`));
    expect(await ask.textContent()).toContain(SECRET);
    await checkBothWidths(mx.page, 'handling requests');
    await snap(mx.page, 'exchange-requests-pending-es-1366');
    await ask.getByRole('button', { name: 'Conceder' }).click();
    dialog = mx.page.getByRole('dialog', { name: 'Conceder esta solicitud' });
    await dialog.getByRole('region', { name: 'De qué se trata' }).getByText(SECRET).waitFor();
    await expectAccessible(mx.page, 'decision dialog');
    await snap(mx.page, 'exchange-decision-es-1366');
    await dialog.getByLabel(/^Nota para quien lo pidió/).fill('Solo para la fiscalía de Honduras.');
    await dialog.getByRole('button', { name: 'Conceder' }).click();
    await dialog.waitFor({ state: 'detached' });
    await incoming.getByText('Concedido').waitFor();

    // The requester sees the answer beside what it was about.
    await gt.page.goto(`${baseUrl()}/exchange/requests?box=outgoing`);
    const mineAsked = gt.page
      .getByRole('table', { name: 'Mis solicitudes' })
      .getByRole('row')
      .filter({ hasText: 'Honduras investiga la misma red (e2e).' });
    await mineAsked.getByText('Concedido').waitFor();
    expect(await mineAsked.textContent()).toContain(SECRET);

    // Now the forward goes through, carrying its codes and its origin.
    await gt.page.goto(`${baseUrl()}${threadPath}`);
    await gt.page
      .getByRole('listitem')
      .filter({ hasText: SECRET })
      .getByRole('button', { name: /^Reenviar/ })
      .click();
    dialog = gt.page.getByRole('dialog', { name: 'Reenviar este mensaje' });
    await dialog.getByLabel('Al intercambio').selectOption(other.json.id);
    await dialog.getByText(/concedido el/).waitFor();
    await dialog.getByRole('button', { name: 'Reenviar', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await gt.page.goto(`${baseUrl()}/exchange/${other.json.id}`);
    const forwarded = gt.page.getByRole('listitem').filter({ hasText: SECRET });
    await forwarded.waitFor();
    const reference = (await apiAs(mx.page, 'GET', `/api/exchange/threads/${threadPath.split('/').pop()}`))
      .json.reference as string;
    expect(await forwarded.textContent()).toContain(`Reenviado desde ${reference}`);
    expect(await forwarded.locator('.handling-badge').textContent()).toContain('H2 · B2');

    // Mexico sees Guatemala's receipt and reply.
    await mx.page.goto(`${baseUrl()}${threadPath}`);
    await mx.page.getByText('Recibido. Coordinamos con la policía de Ocós (e2e).').waitFor();
    const receipts = mx.page.getByRole('region', { name: 'Acuses por país' });
    const gtm = receipts.getByRole('listitem').filter({ hasText: 'Guatemala' });
    await gtm.waitFor();
    // Acknowledged, read and replied: each with its time, none missing.
    expect(await gtm.locator('dd').allTextContents()).not.toContain('—');

    // A third country's user does not learn that the thread exists.
    const pa = await newPage(browser);
    await signIn(pa.page, DEMO.analyst);
    await pa.page.goto(`${baseUrl()}${threadPath}`);
    await pa.page.getByRole('heading', { level: 1, name: 'Página no encontrada' }).waitFor();
    expect(await pa.page.getByText(SUBJECT).count()).toBe(0);

    await Promise.all([mx.context.close(), gt.context.close(), pa.context.close()]);
  });

  it('shows the exchange screens in Spanish, English and French at 1366 and 390 px', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, DEMO.liaisonMx);
    await snapInEveryLanguage(page, 'exchange', [
      ['inbox', '/exchange'],
      ['new', '/exchange/new'],
      ['thread', threadPath],
      ['requests', '/exchange/requests'],
    ]);
    await context.close();
  });
});
