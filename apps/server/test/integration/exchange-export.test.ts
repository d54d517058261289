import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorise } from '../factories/directory';
import { H0, H2, H3, openThread, type Session } from '../factories/exchange';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const NON_LATIN = 'Ñandú ĉ Ελλάδα — Mwen wè kannòt la bò Jérémie, li te chaje ak 40 moun';

/** The lines of each page of a PDF, as a reader copying its text would get them. */
async function pdfLines(body: Buffer): Promise<string[][]> {
  const parsed = await new PDFParse({ data: new Uint8Array(body) }).getText();
  return parsed.pages.map((p) => p.text.split('\n').filter((l) => l.trim()));
}

async function auditDetails(action: string, objectId: string, actorId: string) {
  const rows = await t.db.kysely
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', action)
    .where('object_id', '=', objectId)
    .where('actor_id', '=', actorId)
    .execute();
  return rows.map((r) => JSON.parse(String(r.details)) as Record<string, unknown>);
}

const exportOf = (who: Session | Browser, id: string, query: string) =>
  ('browser' in who ? who.browser : who).request({
    method: 'GET',
    url: `/api/exchange/threads/${id}/export?${query}`,
  });

describe('exchange export as PDF', () => {
  let gt: Session;
  let mx: Session;
  let hn: Session;
  let thread: { id: string; reference: string };
  beforeAll(async () => {
    gt = await signedIn(t, { role: 'liaison_officer', countryCode: 'GTM', locale: 'es' });
    mx = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    hn = await signedIn(t, { role: 'liaison_officer', countryCode: 'HND' });
    for (const who of [gt, mx, hn]) await authorise(t, who.user.id);
    thread = await openThread(
      gt,
      [{ kind: 'user', ref: mx.user.id }],
      {},
      {
        body: 'Primera información',
        codes: H2,
      },
    );
    for (const [who, body, codes] of [
      [gt, 'Dato reservado', H3],
      [mx, NON_LATIN, H0],
    ] as const) {
      const posted = await who.browser.post(`/api/exchange/threads/${thread.id}/messages`, { body, codes });
      expect(posted.statusCode, posted.body).toBe(201);
    }
  });

  it('answers 401 to an anonymous caller, 403 to a role outside the exchange, as the CSV does', async () => {
    const admin = await signedIn(t, { role: 'network_admin', countryCode: 'GTM' });
    for (const format of ['csv', 'pdf']) {
      expect((await exportOf(new Browser(t), thread.id, `format=${format}`)).statusCode).toBe(401);
      expect((await exportOf(admin, thread.id, `format=${format}`)).statusCode).toBe(403);
    }
  });

  it('answers 404 to a user outside the thread, audited, as the CSV does', async () => {
    for (const format of ['csv', 'pdf']) {
      const res = await exportOf(hn, thread.id, `format=${format}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('problem+json');
    }
    const denials = await auditDetails('access.denied', thread.id, hn.user.id);
    expect(denials.filter((d) => d.attempted === 'exchange.thread_export')).toHaveLength(2);
  });

  it('refuses a liaison whose Foreign Affairs authorisation is not current, as the CSV does', async () => {
    const lapsed = await signedIn(t, { role: 'liaison_officer', countryCode: 'MEX' });
    for (const format of ['csv', 'pdf']) {
      const res = await exportOf(lapsed, thread.id, `format=${format}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('exchange_not_authorised');
    }
  });

  it('refuses an unknown format or time zone', async () => {
    for (const query of ['format=docx', 'format=pdf&tz=Mars/Olympus']) {
      expect((await exportOf(gt, thread.id, query)).statusCode, query).toBe(400);
    }
  });

  it('opens with every code of the file, the strictest first, then the thread and each message with its codes', async () => {
    const res = await exportOf(gt, thread.id, 'format=pdf&tz=America/Guatemala');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${thread.reference}.pdf"`);
    const pages = await pdfLines(res.rawPayload);
    const text = pages.flat().join(' ');
    // The first lines, up to the title: the provider of the H3 message exports it, so its
    // restriction is stated in words.
    const title = `Intercambio ${thread.reference}`;
    const banner = text.slice(0, text.indexOf(title));
    expect(banner).toMatch(
      new RegExp(
        [
          '^Códigos de manejo y evaluación',
          'Código de manejo más estricto de este archivo H3 — Otras restricciones',
          'Códigos de manejo de este archivo H3 — Otras restricciones; H2 — [^;]+; H0 — [^;]+',
          'Restricción H3 Solo para la fiscalía de Tapachula',
          'Fiabilidad de las fuentes de este archivo A — [^;]+; B — [^;]+',
          'Exactitud de la información de este archivo 1 — [^;]+; 2 — [^;]+; 3 — [^;]+ $',
        ].join(' '),
      ),
    );
    const rest = text.slice(banner.length);
    for (const fact of [
      title,
      'Referencia',
      'Asunto Embarcación sospechosa en Ocós',
      'Tipo Alerta',
      'Prioridad Urgente',
      'Abierto por Guatemala',
      // Instants in the reader's zone, which is named.
      '23 de noviembre de 2026',
      '6:00 (America/Guatemala)',
      'Participantes',
    ])
      expect(rest, fact).toContain(fact);
    // Each message with its own codes, in the order sent.
    const messages = [
      [
        'Código de manejo H2 — ',
        'Fiabilidad de la fuente A — ',
        'Exactitud de la información 1 — ',
        'Primera información',
      ],
      [
        'Código de manejo H3 — Otras restricciones',
        'Restricción Solo para la fiscalía de Tapachula',
        'Fiabilidad de la fuente B — ',
        'Dato reservado',
      ],
      // Non-Latin and Creole text survive, in the embedded font.
      [
        'Código de manejo H0 — ',
        'Fiabilidad de la fuente B — ',
        'Exactitud de la información 2 — ',
        NON_LATIN,
      ],
    ];
    let from = 0;
    for (const parts of messages) {
      for (const part of parts) {
        const at = rest.indexOf(part, from);
        expect(at, part).toBeGreaterThan(-1);
        from = at;
      }
    }
    // The file's strictest code and its reference at the foot of every page.
    for (const [i, page] of pages.entries()) {
      const foot = page.slice(-2).join(' ');
      expect(foot).toContain(`${thread.reference} · H3 — Otras restricciones`);
      expect(foot).toContain(`Página ${i + 1} de ${pages.length}`);
    }
    expect(await auditDetails('exchange.thread_exported', thread.id, gt.user.id)).toEqual([
      { format: 'pdf', messages: 3, omitted: 0 },
    ]);
  });

  it('leaves out what H3 reserves to its provider and says so, as the CSV does', async () => {
    const res = await exportOf(mx, thread.id, 'format=pdf');
    expect(res.statusCode).toBe(200);
    const text = (await pdfLines(res.rawPayload)).flat().join(' ');
    expect(text).toMatch(
      /^Handling and evaluation codes Strictest handling code of this file H2 — No onward dissemination without the provider’s permission Handling codes in this file H2 — [^;]+; H0 — /,
    );
    expect(text).not.toContain('Dato reservado');
    expect(text).not.toContain('Tapachula');
    expect(text).toContain('1 message left out: its handling code reserves export to its provider.');
    // No time zone asked for, none in the profile: UTC, named.
    expect(text).toContain('(UTC)');
    const csv = await exportOf(mx, thread.id, 'format=csv');
    expect(csv.body).not.toContain('Dato reservado');
    expect(csv.body).toContain('1 message left out');
  });
});
