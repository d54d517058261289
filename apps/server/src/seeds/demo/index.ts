import { randomUUID } from 'node:crypto';
import { type AgencyKind, DEMO_PASSWORD, type LocalizedText, type Role } from '@enlace/shared';
import { createUser } from '../../modules/admin/admin.service';
import type { Ctx } from '../../platform/context';
import { seedDemoIncidents } from './incidents';
import { seedDemoDirectory } from './directory';
import { seedDemoExchange } from './exchange';
import { seedDemoRegistry } from './registry';

/** Every demo account uses this password (packages/shared: the sign-in page shows it in demo mode). */
export { DEMO_PASSWORD };
export const DEMO_DOMAIN = 'demo.enlace.example';

const AGENCIES: { kind: AgencyKind; name: LocalizedText; acronym: string }[] = [
  {
    kind: 'police',
    acronym: 'PN',
    name: { es: 'Policía Nacional', en: 'National Police', fr: 'Police nationale' },
  },
  {
    kind: 'migration',
    acronym: 'DGM',
    name: {
      es: 'Dirección General de Migración',
      en: 'Directorate-General of Migration',
      fr: 'Direction générale des migrations',
    },
  },
  {
    kind: 'public_ministry',
    acronym: 'MP',
    name: {
      es: 'Ministerio Público — Fiscalía especializada',
      en: 'Public Ministry — specialised prosecutor',
      fr: 'Ministère public — parquet spécialisé',
    },
  },
  {
    kind: 'coast_guard',
    acronym: 'GC',
    name: { es: 'Guardacostas', en: 'Coast Guard', fr: 'Garde côtière' },
  },
  {
    kind: 'foreign_affairs',
    acronym: 'MRE',
    name: {
      es: 'Ministerio de Relaciones Exteriores',
      en: 'Ministry of Foreign Affairs',
      fr: 'Ministère des Affaires étrangères',
    },
  },
  {
    kind: 'child_protection',
    acronym: 'PNA',
    name: {
      es: 'Procuraduría de la Niñez',
      en: 'Child Protection Authority',
      fr: 'Autorité de protection de l’enfance',
    },
  },
  {
    kind: 'refugee_agency',
    acronym: 'CR',
    name: { es: 'Comisión de Refugiados', en: 'Refugee Commission', fr: 'Commission des réfugiés' },
  },
];

const DEMO_COUNTRIES = ['BLZ', 'CAN', 'CRI', 'DOM', 'SLV', 'GTM', 'HND', 'MEX', 'NIC', 'PAN', 'USA'];

export const DEMO_ACCOUNTS: {
  email: string;
  role: Role;
  country: string;
  agency: AgencyKind | null;
  name: string;
}[] = [
  {
    email: `admin@${DEMO_DOMAIN}`,
    role: 'network_admin',
    country: 'RCM',
    agency: null,
    name: 'Ana Rojas (demo)',
  },
  {
    email: `admin.mx@${DEMO_DOMAIN}`,
    role: 'country_admin',
    country: 'MEX',
    agency: 'foreign_affairs',
    name: 'Luis Herrera (demo)',
  },
  {
    email: `admin.gt@${DEMO_DOMAIN}`,
    role: 'country_admin',
    country: 'GTM',
    agency: 'foreign_affairs',
    name: 'Marta Cux (demo)',
  },
  {
    email: `enlace.mx@${DEMO_DOMAIN}`,
    role: 'liaison_officer',
    country: 'MEX',
    agency: 'police',
    name: 'Jorge Salinas (demo)',
  },
  {
    email: `enlace.gt@${DEMO_DOMAIN}`,
    role: 'liaison_officer',
    country: 'GTM',
    agency: 'migration',
    name: 'Rosa Tzul (demo)',
  },
  {
    email: `fiscal.cr@${DEMO_DOMAIN}`,
    role: 'prosecutor',
    country: 'CRI',
    agency: 'public_ministry',
    name: 'Daniel Mora (demo)',
  },
  {
    email: `analista.pa@${DEMO_DOMAIN}`,
    role: 'analyst',
    country: 'PAN',
    agency: 'police',
    name: 'Itzel Batista (demo)',
  },
  {
    email: `centro.mx@${DEMO_DOMAIN}`,
    role: 'centre_officer',
    country: 'MEX',
    agency: 'migration',
    name: 'Paola Núñez (demo)',
  },
  {
    // A second officer of the same centres: a belongings inventory is verified by another officer.
    email: `centro2.mx@${DEMO_DOMAIN}`,
    role: 'centre_officer',
    country: 'MEX',
    agency: 'migration',
    name: 'Tomás Aguirre (demo)',
  },
  {
    email: `supervision.mx@${DEMO_DOMAIN}`,
    role: 'centre_supervisor',
    country: 'MEX',
    agency: 'migration',
    name: 'Ernesto Villalobos (demo)',
  },
  {
    // A second country's registry, to receive the persons Mexico shares and its transfers abroad.
    email: `supervision.gt@${DEMO_DOMAIN}`,
    role: 'centre_supervisor',
    country: 'GTM',
    agency: 'migration',
    name: 'Héctor Coyoy (demo)',
  },
  {
    email: `proteccion.gt@${DEMO_DOMAIN}`,
    role: 'protection_officer',
    country: 'GTM',
    agency: 'child_protection',
    name: 'Sofía Ajú (demo)',
  },
  {
    email: `observer@${DEMO_DOMAIN}`,
    role: 'observer',
    country: 'IOM',
    agency: null,
    name: 'Claire Martin (demo)',
  },
];

/**
 * Demo data: agencies in every member country, one account per role, incidents, cases and the
 * database inventory (seeds/demo/incidents.ts). Never in production;
 * only into a database that has no users yet. Names say "demo".
 */
export async function seedDemo(ctx: Ctx): Promise<boolean> {
  if (ctx.config.production) throw new Error('Demo data is never loaded in production');
  const existing = await ctx.db.kysely.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const agencyIds = new Map<string, string>();
  const now = ctx.clock.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    for (const country of DEMO_COUNTRIES) {
      for (const a of AGENCIES) {
        const id = randomUUID();
        agencyIds.set(`${country}:${a.kind}`, id);
        const names = { es: `${a.name.es} (demo)`, en: `${a.name.en} (demo)`, fr: `${a.name.fr} (démo)` };
        await trx
          .insertInto('agencies')
          .values({
            id,
            country_code: country,
            kind: a.kind,
            names: JSON.stringify(names),
            acronym: a.acronym,
            active: 1,
            created_at: now,
          })
          .execute();
      }
    }
  });
  for (const acc of DEMO_ACCOUNTS) {
    await createUser(
      ctx,
      {
        email: acc.email,
        displayName: acc.name,
        role: acc.role,
        countryCode: acc.country,
        agencyId: acc.agency ? (agencyIds.get(`${acc.country}:${acc.agency}`) ?? null) : null,
        locale: acc.country === 'CAN' || acc.country === 'USA' || acc.country === 'IOM' ? 'en' : 'es',
        password: DEMO_PASSWORD,
      },
      { cli: true, demo: true },
    );
  }
  await seedDemoIncidents(ctx);
  await seedDemoDirectory(ctx);
  await seedDemoExchange(ctx);
  await seedDemoRegistry(ctx);
  return true;
}
