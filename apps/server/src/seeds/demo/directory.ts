import type { DirectoryEntryInput } from '@enlace/shared';
import {
  createEntry,
  flagStaleEntries,
  recordAuthorisation,
  runAuthorisations,
} from '../../modules/directory/directory.service';
import { buildActor } from '../../platform/authz/access';
import type { Ctx } from '../../platform/context';

const DAY = 86_400_000;

type Seed = Omit<DirectoryEntryInput, 'channels'> & {
  phone: string;
  email: string;
  monthsSinceVerified?: number;
  account?: string;
};

/** Focal points of the demo (names say "demo"); some not verified for months, to show freshness. */
const ENTRIES: Seed[] = [
  {
    countryCode: 'MEX',
    name: 'Jorge Salinas (demo)',
    function: 'Oficial de enlace, Unidad de Tráfico de Migrantes',
    areas: ['investigation_intelligence', 'single_point_of_contact'],
    languages: ['es', 'en'],
    timeZone: 'America/Mexico_City',
    availability: 'Lunes a viernes, 9:00–18:00',
    phone: '+52 55 5000 0101',
    email: 'enlace.mx@demo.enlace.example',
    account: 'enlace.mx',
  },
  {
    countryCode: 'MEX',
    name: 'Guardia de INTERPOL México (demo)',
    function: 'Oficina Central Nacional, guardia',
    areas: ['interpol_ncb', 'contact_24_7'],
    languages: ['es', 'en', 'fr'],
    timeZone: 'America/Mexico_City',
    available247: true,
    phone: '+52 55 5000 0199',
    email: 'ocn.mx@demo.enlace.example',
  },
  {
    countryCode: 'MEX',
    name: 'Lucía Ramírez (demo)',
    function: 'Autoridad central de asistencia jurídica',
    areas: ['mla_central_authority', 'judicial_cooperation'],
    languages: ['es'],
    timeZone: 'America/Mexico_City',
    phone: '+52 55 5000 0120',
    email: 'mla.mx@demo.enlace.example',
    monthsSinceVerified: 8,
  },
  {
    countryCode: 'GTM',
    name: 'Rosa Tzul (demo)',
    function: 'Oficial de enlace, Dirección General de Migración',
    areas: ['investigation_intelligence', 'detention_alternatives'],
    languages: ['es'],
    timeZone: 'America/Guatemala',
    phone: '+502 2411 0000',
    email: 'enlace.gt@demo.enlace.example',
    account: 'enlace.gt',
  },
  {
    countryCode: 'GTM',
    name: 'Sofía Ajú (demo)',
    function: 'Procuraduría de la Niñez y la Adolescencia',
    areas: ['protection'],
    languages: ['es'],
    timeZone: 'America/Guatemala',
    phone: '+502 2411 0100',
    email: 'pna.gt@demo.enlace.example',
    monthsSinceVerified: 7,
  },
  {
    countryCode: 'HND',
    name: 'Óscar Matute (demo)',
    function: 'Punto de contacto 24/7, Policía Nacional',
    areas: ['contact_24_7', 'investigation_intelligence'],
    languages: ['es'],
    timeZone: 'America/Tegucigalpa',
    available247: true,
    phone: '+504 2230 0000',
    email: 'pn.hn@demo.enlace.example',
  },
  {
    countryCode: 'CRI',
    name: 'Daniel Mora (demo)',
    function: 'Fiscal adjunto contra la trata y el tráfico',
    areas: ['judicial_cooperation'],
    languages: ['es', 'en'],
    timeZone: 'America/Costa_Rica',
    phone: '+506 2295 0000',
    email: 'fiscal.cr@demo.enlace.example',
    account: 'fiscal.cr',
  },
  {
    countryCode: 'PAN',
    name: 'Itzel Batista (demo)',
    function: 'Analista, Servicio Nacional de Fronteras',
    areas: ['investigation_intelligence'],
    languages: ['es', 'en'],
    timeZone: 'America/Panama',
    phone: '+507 500 0000',
    email: 'analista.pa@demo.enlace.example',
    monthsSinceVerified: 10,
  },
  {
    countryCode: 'USA',
    name: 'Joint Task Force Alpha desk (demo)',
    function: 'Human smuggling liaison',
    areas: ['investigation_intelligence', 'contact_24_7'],
    languages: ['en', 'es'],
    timeZone: 'America/New_York',
    available247: true,
    phone: '+1 202 555 0100',
    email: 'jtfa.us@demo.enlace.example',
  },
  {
    countryCode: 'CAN',
    name: 'Claire Tremblay (demo)',
    function: 'Agente de liaison, ASFC / Liaison officer, CBSA',
    areas: ['investigation_intelligence'],
    languages: ['fr', 'en'],
    timeZone: 'America/Toronto',
    phone: '+1 613 555 0100',
    email: 'cbsa.ca@demo.enlace.example',
  },
];

/**
 * The demo directory (through the directory's own service, as the network administrator), and the
 * Foreign Affairs authorisations of the demo liaisons and prosecutor — Guatemala's ends within 30
 * days, so its warning shows. The directory's jobs run once, so the administrators' bells show
 * what they would.
 */
export async function seedDemoDirectory(ctx: Ctx): Promise<void> {
  const users = await ctx.db.kysely
    .selectFrom('users')
    .select(['id', 'email', 'role', 'country_code', 'agency_id'])
    .where('is_demo', '=', 1)
    .execute();
  const find = (local: string) => users.find((u) => u.email.startsWith(`${local}@`));
  const admin = find('admin');
  if (!admin) throw new Error('demo network administrator missing');
  const as: Ctx = { ...ctx, actor: buildActor(admin, 'demo-seed') };
  const now = ctx.clock.now();
  for (const e of ENTRIES) {
    const { phone, email, monthsSinceVerified, account, ...fields } = e;
    const created = await createEntry(as, {
      ...fields,
      userId: account ? (find(account)?.id ?? null) : null,
      channels: [
        { kind: 'work_phone', value: phone },
        { kind: 'secure_email', value: email },
      ],
    });
    await ctx.db.kysely
      .updateTable('directory_entries')
      .set({
        is_demo: 1,
        ...(monthsSinceVerified
          ? { verified_at: new Date(now.getTime() - monthsSinceVerified * 30 * DAY).toISOString() }
          : {}),
      })
      .where('id', '=', created.id)
      .execute();
  }
  const day = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);
  for (const [local, until, note] of [
    ['enlace.mx', day(365), 'SRE-DGPOP-2026-0412 (demo)'],
    ['enlace.gt', day(20), 'MINEX-DGAC-2026-077 (demo)'],
    ['fiscal.cr', day(300), 'MREC-DGPE-2026-031 (demo)'],
  ] as const) {
    const user = find(local);
    if (!user) continue;
    await recordAuthorisation(as, {
      userId: user.id,
      authorisedBy: 'Dirección de Asuntos Consulares (demo)',
      noteReference: note,
      authorisedOn: day(-60),
      validUntil: until,
    });
  }
  await flagStaleEntries(ctx);
  await runAuthorisations(ctx);
}
