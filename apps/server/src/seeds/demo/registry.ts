import type { CentreInput, PersonInput, PersonSex, ReleaseOutcome } from '@enlace/shared';
import {
  admit,
  createCentre,
  createPerson,
  declareCentreResources,
  release,
  transfer,
} from '../../modules/registry/registry.service';
import { buildActor } from '../../platform/authz/access';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { prng } from './generator';

const DAY = 86_400_000;

const CENTRES: CentreInput[] = [
  {
    code: 'TAP-EM',
    names: {
      es: 'Estación migratoria de Tapachula (demo)',
      en: 'Tapachula migration station (demo)',
      fr: 'Station migratoire de Tapachula (démo)',
    },
    type: 'custody',
    capacity: { adult_men: 40, adult_women: 24, families: 12, unaccompanied_children: 0 },
    services: ['medical', 'consular', 'legal_orientation', 'asylum_information', 'food', 'hygiene'],
  },
  {
    code: 'TAP-ALB',
    names: {
      es: 'Albergue para familias de Tapachula (demo)',
      en: 'Tapachula family shelter (demo)',
      fr: 'Foyer familial de Tapachula (démo)',
    },
    type: 'shelter',
    capacity: { adult_men: 0, adult_women: 10, families: 16, unaccompanied_children: 0 },
    services: ['medical', 'psychosocial', 'family_contact', 'food', 'education'],
  },
  {
    code: 'TAP-NNA',
    names: {
      es: 'Centro de atención a la niñez de Tapachula (demo)',
      en: 'Tapachula children’s attention centre (demo)',
      fr: 'Centre de prise en charge des enfants de Tapachula (démo)',
    },
    type: 'attention',
    capacity: { adult_men: 0, adult_women: 0, families: 0, unaccompanied_children: 18 },
    services: ['child_protection', 'psychosocial', 'medical', 'education', 'interpretation'],
  },
];

const GIVEN = {
  female: [
    'María José',
    'Ana Lucía',
    'Yesenia',
    'Dania',
    'Keila',
    'Rosa Elena',
    'Wendy',
    'Nataly',
    'Mirlande',
    'Guerline',
  ],
  male: [
    'José Luis',
    'Kevin',
    'Brayan',
    'Wilmer',
    'Óscar René',
    'Jean Robert',
    'Darwin',
    'Elmer',
    'Luis Fernando',
    'Ricardo',
  ],
};
const FAMILY = [
  'Hernández López',
  'García Pérez',
  'Martínez',
  'Ramírez Cruz',
  'Pierre',
  'Joseph',
  'Mejía Flores',
  'Castillo',
  'Reyes Ávila',
  'Morales Chávez',
  'Aguilar',
  'Jean-Baptiste',
];
const NATIONALITIES = ['HND', 'GTM', 'SLV', 'HTI', 'VEN', 'NIC', 'CUB', 'ECU'];
const AUTHORITIES = [
  'Instituto Nacional de Migración, Tapachula (demo)',
  'Guardia Nacional, Suchiate (demo)',
  'Procuraduría de Protección de Niñas, Niños y Adolescentes (demo)',
];
const OUTCOMES: ReleaseOutcome[] = ['return', 'asylum', 'regularisation', 'alternative'];

/**
 * The centre registry's demo (Mexico): three centres of Tapachula, fifty persons registered
 * through the registry's own service (search keys, encryption, audit), admitted over the last
 * four weeks; some moved between centres, some released, and one release stopped by the identity
 * check for a supervisor to decide. Centre names and every free text say "demo".
 */
export async function seedDemoRegistry(ctx: Ctx): Promise<void> {
  const users = await ctx.db.kysely
    .selectFrom('users')
    .select(['id', 'email', 'role', 'country_code', 'agency_id'])
    .where('is_demo', '=', 1)
    .execute();
  const as = (local: string, at: number): Ctx => {
    const u = users.find((x) => x.email.startsWith(`${local}@`));
    if (!u) throw new Error(`demo account ${local} missing`);
    return { ...ctx, actor: buildActor(u, 'demo-seed'), clock: { now: () => new Date(at) } };
  };
  const now = ctx.clock.now().getTime();
  const start = now - 28 * DAY;
  const supervisor = as('supervision.mx', start);
  const centres = [];
  for (const c of CENTRES) centres.push(await createCentre(supervisor, c));
  const [station, shelter, children] = centres as [
    (typeof centres)[number],
    (typeof centres)[number],
    (typeof centres)[number],
  ];
  await declareCentreResources(as('supervision.mx', now - DAY), station.id, {
    asOf: new Date(now - DAY).toISOString().slice(0, 10),
    staff: [
      { role: 'custody', count: 22 },
      { role: 'social_work', count: 4 },
      { role: 'medical', count: 3 },
      { role: 'legal', count: 2 },
      { role: 'interpreters', count: 1 },
    ],
    budget: [{ line: 'Alimentación (demo)', year: 2026, amount: 1_850_000, currency: 'MXN' }],
  });

  const r = prng(20_261_203);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  for (let i = 0; i < 50; i++) {
    const child = i % 9 === 4;
    const sex: PersonSex = r() < 0.45 ? 'female' : 'male';
    const admittedAt = start + Math.floor(((i + r()) / 50) * 27 * DAY);
    const officer = as('centro.mx', admittedAt);
    const year = child ? 2010 + Math.floor(r() * 5) : 1970 + Math.floor(r() * 36);
    const body: PersonInput = {
      givenNames: pick(GIVEN[sex]),
      familyNames: pick(FAMILY),
      sex,
      birthDatePrecision: i % 7 === 3 ? 'year' : 'exact',
      birthDate:
        i % 7 === 3
          ? String(year)
          : `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      nationality: pick(NATIONALITIES),
      languages: ['es'],
      ...(i % 3 === 0 ? { documentNumber: `P${String(100_000 + Math.floor(r() * 899_999))}` } : {}),
    };
    const person = await createPerson(officer, body);
    const centre = child ? children : sex === 'female' && r() < 0.4 ? shelter : station;
    const unit = child
      ? 'unaccompanied_children'
      : centre.id === shelter.id
        ? 'families'
        : sex === 'female'
          ? 'adult_women'
          : 'adult_men';
    const stay = await admit(officer, {
      personId: person.id,
      centreId: centre.id,
      unit,
      admittedAt: new Date(admittedAt).toISOString(),
      referringAuthority: pick(AUTHORITIES),
      reason: 'Presentada por la autoridad que remite tras un control migratorio (demo)',
      custodyType: centre.id === station.id ? 'administrative_custody' : 'shelter',
      attention: { kinds: child ? ['child_protection', 'medical'] : ['medical', 'consular'] },
    });
    const later = admittedAt + Math.floor((1 + r() * 5) * DAY);
    if (later >= now) continue;
    if (i % 10 === 1 && centre.id === station.id && sex === 'female') {
      await transfer(as('centro.mx', later), stay.id, {
        toCentreId: shelter.id,
        unit: 'families',
        at: new Date(later).toISOString(),
      });
    } else if (i % 3 === 1) {
      await release(as('centro.mx', later), stay.id, {
        releasedAt: new Date(later).toISOString(),
        outcome: pick(OUTCOMES),
        identity: {
          givenNames: body.givenNames,
          familyNames: body.familyNames,
          birthDate: body.birthDate,
          sex,
          nationality: body.nationality,
        },
      });
    } else if (i === 20) {
      // Somebody else at the door with this person's papers: the check stops the release.
      await release(as('centro.mx', later), stay.id, {
        releasedAt: new Date(later).toISOString(),
        outcome: 'return',
        identity: {
          givenNames: 'Carlos Alberto',
          familyNames: 'Mendoza Ruiz',
          birthDate: '1979-02-11',
          sex: 'male',
        },
      }).catch((e: unknown) => {
        if (!(e instanceof AppError) || e.code !== 'registry_identity_mismatch') throw e;
      });
    }
  }
}
