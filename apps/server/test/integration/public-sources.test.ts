import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportIncident } from '../factories/incidents';
import { Browser, buildTestApp, signedIn, type TestApp } from '../helpers';

/** Four rows of the IOM Missing Migrants global file: two in the Americas, two elsewhere. */
const CSV =
  'Main ID,Incident ID,Region,Incident Date,Year,Reported Month,Number Dead,Minimum Estimated Number of Missing,Number of Survivors,Number of Females,Number of Males,Number of Children,Region of Origin,Cause of Death,Country of Origin,Location of death,Information Source,Coordinates,Migration route,URL,UNSD Geographical Grouping,Source Quality\n2026.MMP0001,2026.MMP0001,Western Asia,"Thu, 01/01/2026 - 12:00",2026,January,1,0,,,1,,Western Asia,"Harsh environmental conditions / lack of adequate shelter, food, water",Iraq,"In the snow 5km away from Ortasu/Roboski village, \u015e\u0131rnak, T\u00fcrkiye","964media, Rudaw","37.34265178, 42.99259985",T\u00fcrkiye-Europe land route,"https://perma.cc/C936-8SNV, https://perma.cc/Z83T-X4LD, https://perma.cc/B58L-XY9B",Western Asia,3\n2026.MMP0002,2026.MMP0002,Mediterranean,"Fri, 01/02/2026 - 12:00",2026,January,1,0,,,1,1,Northern Africa,Drowning,Morocco,"Remains washed ashore at Rinc\u00f3n de M\'diq, Morocco - missing during Ceuta crossing since 29 Dec",El Faro de Ceuta,"35.68266281, -5.31212994",Western Mediterranean,https://perma.cc/NX5Y-ZH2M,Uncategorized,1\n2026.MMP0006,2026.MMP0006,Central America,"Sun, 01/04/2026 - 12:00",2026,January,1,0,,,1,,Latin America / Caribbean (P),Vehicle accident / death linked to hazardous transport,Unknown,"On train tacks in Pueblo Nuevo, close to Tuxtepec, Oaxaca, Mexico",El Pinero,"18.14611646, -96.08555154",,https://perma.cc/7ADS-JAK8,Uncategorized,1\n2026.MMP0008,2026.MMP0008,Central America,"Mon, 01/05/2026 - 12:00",2026,January,1,,1,,1,,Central America,Drowning,Mexico,"Rio Bravo around Isla del Mudo, Piedras Negras, Coahuila, Mexico","Zocalo, Posta Coahuila","28.72922264, -100.5082263",US-Mexico border crossing,"https://perma.cc/2G8V-ZAJL, https://perma.cc/MEW3-7P93, https://perma.cc/ZSV7-FT7A",Central America,3\n';

let t: TestApp;
let mx: Awaited<ReturnType<typeof signedIn>>;
let gtRecord: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  const admin = await signedIn(t, { role: 'network_admin', countryCode: 'RCM' });
  const res = await admin.browser.request({
    method: 'POST',
    url: '/api/incidents/import?format=missing-migrants&country=IOM',
    payload: CSV,
    headers: { 'content-type': 'text/csv' },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json().created).toBe(4);
  const gt = await signedIn(t, { role: 'analyst', countryCode: 'GTM' });
  gtRecord = await reportIncident(gt.browser, {
    place: { name: 'Tecún Umán', latitude: 14.68, longitude: -92.14, countryCode: 'GTM' },
    route: { code: null, origin: null, destination: null },
    mode: 'land',
    kind: 'transit_detection',
    conveyance: null,
    modusOperandi: [],
    occurredAt: '2026-01-10T10:00:00Z',
    timeZone: 'America/Guatemala',
  });
  mx = await signedIn(t, { role: 'analyst', countryCode: 'MEX' });
});
afterAll(async () => {
  await t.close();
});

describe('records imported from a public source', () => {
  it('are listed for anyone who reads incidents, beside their own, never another country’s', async () => {
    expect((await new Browser(t).get('/api/incidents')).statusCode).toBe(401);
    const res = await mx.browser.get('/api/incidents?limit=100');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; source: string }[];
    expect(items.length).toBe(4);
    expect(items.every((i) => i.source === 'missing_migrants')).toBe(true);
    expect(items.some((i) => i.id === gtRecord.id)).toBe(false);
  });

  it('open as records, marked with their source, read-only for whoever does not own them', async () => {
    const list = (await mx.browser.get('/api/incidents?limit=1')).json().items as { id: string }[];
    const id = list[0]?.id as string;
    const one = await mx.browser.get(`/api/incidents/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      countryCode: 'IOM',
      origin: { source: 'missing_migrants' },
      abilities: { update: false, delete: false, link: false },
    });
    expect((await mx.browser.get(`/api/incidents/${id}/history`)).statusCode).toBe(200);
    const patch = await mx.browser.request({
      method: 'PATCH',
      url: `/api/incidents/${id}`,
      payload: { narrative: 'changed by another country' },
    });
    expect(patch.statusCode).toBe(403);
    const del = await mx.browser.request({ method: 'DELETE', url: `/api/incidents/${id}` });
    expect(del.statusCode).toBe(403);
    const after = await t.db.kysely
      .selectFrom('incidents')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(Number(after?.version)).toBe(1);
    // Another country's own record stays out of reach, as before.
    expect((await mx.browser.get(`/api/incidents/${gtRecord.id}`)).statusCode).toBe(404);
    expect((await mx.browser.get(`/api/incidents/${gtRecord.id}/history`)).statusCode).toBe(404);
  });

  it('are separable in the statistics: by source, and by region (the Americas as one group)', async () => {
    const total = async (filters: string) => {
      const res = await mx.browser.get(`/api/stats/incidents?by=${filters}`);
      expect(res.statusCode).toBe(200);
      return res.json() as { total: { incidents: number }; filters: Record<string, string> };
    };
    expect((await total('')).total.incidents).toBe(5);
    expect((await total('&source=enlace')).total.incidents).toBe(1);
    expect((await total('&source=missing_migrants')).total.incidents).toBe(4);
    const americas = await total('&region=americas');
    expect(americas.total.incidents).toBe(3);
    expect(americas.filters).toMatchObject({ region: 'americas' });
    expect((await total('&region=americas&source=missing_migrants')).total.incidents).toBe(2);
    expect((await total('&region=mediterranean')).total.incidents).toBe(1);
    const bad = await mx.browser.get('/api/stats/incidents?source=elsewhere');
    expect(bad.statusCode).toBe(400);
  });
});
