import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrl,
  expectAccessible,
  launchBrowser,
  newPage,
  signIn,
  snap,
  waitForLang,
} from '../support/browser';
import { apiAs, checkBothWidths } from '../support/exchange';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// The demo centre supervisors (apps/server/src/seeds/demo/index.ts).
const SUPERVISOR_MX = 'supervision.mx@demo.enlace.example';
const SUPERVISOR_GT = 'supervision.gt@demo.enlace.example';
const RUN = Date.now().toString(36).toUpperCase();
const SHARED = { givenNames: 'Elena Sofía', familyNames: `Morales Cruz ${RUN}` };
const OFFERED = { givenNames: 'Marta Lidia', familyNames: `Tuyuc Xon ${RUN}` };

async function created(page: Page, path: string, body: unknown): Promise<string> {
  const res = await apiAs(page, 'POST', path, body);
  expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(201);
  return res.json.id as string;
}

const centre = (code: string) => ({
  code,
  names: { es: `Estación ${code}`, en: `Station ${code}`, fr: `Station ${code}` },
  type: 'shelter',
  capacity: { adult_men: 10, adult_women: 10, families: 2, unaccompanied_children: 0 },
});

async function admitted(
  page: Page,
  centreId: string,
  person: object,
): Promise<{ person: string; stay: string }> {
  const personId = await created(page, '/api/registry/persons', {
    ...person,
    sex: 'female',
    birthDate: '1991-06-02',
    birthDatePrecision: 'exact',
    nationality: 'HND',
    languages: ['es'],
    documentNumber: `HN${RUN}`,
  });
  const stay = await created(page, '/api/registry/stays', {
    personId,
    centreId,
    unit: 'adult_women',
    admittedAt: new Date(Date.now() - 3_600_000).toISOString(),
    referringAuthority: 'Instituto Nacional de Migración (e2e)',
    reason: 'Presented by the referring authority (e2e)',
    custodyType: 'administrative_custody',
    attention: { kinds: ['medical'] },
  });
  return { person: personId, stay };
}

describe('registry shares between countries', () => {
  it('Mexico shares a person and offers a transfer; Guatemala reads what is shared, accepts the transfer into its centre; Mexico revokes and Guatemala reads the person no more', async () => {
    const mx = await newPage(browser);
    await signIn(mx.page, SUPERVISOR_MX);
    const centreMx = await created(mx.page, '/api/registry/centres', centre(`MX-E2E-${RUN}`));
    const shared = await admitted(mx.page, centreMx, SHARED);
    const offered = await admitted(mx.page, centreMx, OFFERED);

    const gt = await newPage(browser);
    await signIn(gt.page, SUPERVISOR_GT);
    const centreGt = await created(gt.page, '/api/registry/centres', centre(`GT-E2E-${RUN}`));
    // Before the share: not found in Guatemala.
    expect((await apiAs(gt.page, 'GET', `/api/registry/persons/${shared.person}`)).status).toBe(404);

    const share = await apiAs(mx.page, 'POST', `/api/registry/persons/${shared.person}/shares`, {
      countryCode: 'GTM',
      purpose: 'consular_assistance',
      fields: ['languages'],
      stayIds: [shared.stay],
    });
    expect(share.status).toBe(201);
    const offer = await apiAs(mx.page, 'POST', `/api/registry/stays/${offered.stay}/transfer-abroad`, {
      countryCode: 'GTM',
      note: 'Familia en Quetzaltenango (e2e)',
      fields: ['attention'],
    });
    expect(offer.status).toBe(201);

    // Guatemala's shares page: both, the offer waiting for an answer.
    await gt.page.goto(`${baseUrl()}/registry/shares`);
    await gt.page.getByRole('heading', { level: 1, name: 'Personas compartidas entre países' }).waitFor();
    const table = gt.page.getByRole('table', { name: 'Compartidas con mi país' });
    const sharedRow = table.getByRole('row').filter({ hasText: SHARED.familyNames });
    const offerRow = table.getByRole('row').filter({ hasText: OFFERED.familyNames });
    await sharedRow.waitFor();
    await offerRow.waitFor();
    expect(await sharedRow.textContent()).toContain('Asistencia consular');
    expect(await sharedRow.textContent()).toContain('México');
    expect(await offerRow.textContent()).toContain('En espera de respuesta');
    expect(await offerRow.textContent()).toContain('médica');
    await checkBothWidths(gt.page, 'registry shares, incoming');
    await snap(gt.page, 'registry-shares-incoming-es-1366');
    await gt.page.setViewportSize({ width: 390, height: 844 });
    await snap(gt.page, 'registry-shares-incoming-es-390');
    await gt.page.setViewportSize({ width: 1366, height: 900 });

    // Open the shared person: what was shared, not the document.
    await sharedRow
      .getByRole('button', { name: `Abrir a ${SHARED.givenNames} ${SHARED.familyNames}` })
      .click();
    const dialog = gt.page.getByRole('dialog', { name: 'Persona compartida' });
    await dialog.getByText(`${SHARED.givenNames} ${SHARED.familyNames}`).waitFor();
    await dialog.getByText('Estancias compartidas').waitFor();
    expect(await dialog.textContent()).not.toContain(`HN${RUN}`);
    await expectAccessible(gt.page, 'shared person');
    await snap(gt.page, 'registry-shares-person-es-1366');
    await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
    await dialog.waitFor({ state: 'detached' });

    // Accept the transfer into a Guatemalan centre.
    await offerRow
      .getByRole('button', { name: `Aceptar el traslado de ${OFFERED.givenNames} ${OFFERED.familyNames}` })
      .click();
    const accept = gt.page.getByRole('dialog', { name: /^Aceptar el traslado/ });
    await accept.getByLabel(/^Centro/).selectOption(centreGt);
    await accept.getByLabel(/^Área/).selectOption('adult_women');
    await accept.getByLabel(/^Custodia/).selectOption('shelter');
    await expectAccessible(gt.page, 'accept a transfer');
    await snap(gt.page, 'registry-shares-accept-es-1366');
    await accept.getByRole('button', { name: 'Ingresar y aceptar' }).click();
    await accept.waitFor({ state: 'detached' });
    await offerRow.getByText('Aceptada').waitFor();

    // Mexico: the stay was released as a transfer.
    const origin = await apiAs(mx.page, 'GET', `/api/registry/persons/${offered.person}`);
    expect(origin.json.stays[0]).toMatchObject({
      id: offered.stay,
      status: 'released',
      releaseOutcome: 'transfer',
    });

    // Mexico revokes the share from its outgoing list.
    await mx.page.goto(`${baseUrl()}/registry/shares?box=outgoing`);
    const outgoing = mx.page.getByRole('table', { name: 'Compartidas por mi país' });
    const mine = outgoing.getByRole('row').filter({ hasText: SHARED.familyNames });
    await mine.waitFor();
    await checkBothWidths(mx.page, 'registry shares, outgoing');
    await mine
      .getByRole('button', { name: `Dejar de compartir a ${SHARED.givenNames} ${SHARED.familyNames}` })
      .click();
    const confirm = mx.page.getByRole('dialog', { name: '¿Revocar esta compartición?' });
    await confirm.getByRole('button', { name: 'Revocar' }).click();
    await confirm.waitFor({ state: 'detached' });
    await mine.waitFor({ state: 'detached' });

    expect((await apiAs(gt.page, 'GET', `/api/registry/persons/${shared.person}`)).status).toBe(404);
    await gt.page.reload();
    await gt.page
      .getByRole('table', { name: 'Compartidas con mi país' })
      .getByRole('row')
      .filter({ hasText: OFFERED.familyNames })
      .waitFor();
    expect(await gt.page.getByText(SHARED.familyNames).count()).toBe(0);

    // English and French at both widths (axe, nothing wider than the phone); then back to Spanish.
    for (const [lang, item, heading] of [
      ['en', 'English', 'Persons shared between countries'],
      ['fr', 'Français', 'Personnes partagées entre pays'],
      ['es', 'Español', 'Personas compartidas entre países'],
    ] as const) {
      await gt.page.getByRole('button', { name: /^(Idioma|Language|Langue)/ }).click();
      await gt.page.getByRole('menuitem', { name: item }).click();
      await waitForLang(gt.page, lang);
      await gt.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      if (lang === 'es') break;
      await checkBothWidths(gt.page, `registry shares, incoming, ${lang}`);
      await snap(gt.page, `registry-shares-incoming-${lang}-1366`);
    }
    await mx.context.close();
    await gt.context.close();
  });
});
