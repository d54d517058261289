import type { CountryKind, LocalizedText } from '@enlace/shared';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';

countries.registerLocale(en);
countries.registerLocale(es);
countries.registerLocale(fr);

/** The RCM's 11 members, Caribbean partners, Cuba as a country of origin. */
const ISO: [string, CountryKind][] = [
  ['BLZ', 'member'],
  ['CAN', 'member'],
  ['CRI', 'member'],
  ['DOM', 'member'],
  ['SLV', 'member'],
  ['GTM', 'member'],
  ['HND', 'member'],
  ['MEX', 'member'],
  ['NIC', 'member'],
  ['PAN', 'member'],
  ['USA', 'member'],
  ['BHS', 'partner'],
  ['HTI', 'partner'],
  ['JAM', 'partner'],
  ['CUB', 'origin'],
];

/** Observer organisations and the regional secretariat are tenants too, with their own users. */
const ORGANISATIONS: { code: string; name: LocalizedText }[] = [
  {
    code: 'RCM',
    name: {
      es: 'Secretaría Técnica de la Conferencia Regional sobre Migración',
      en: 'Regional Conference on Migration Technical Secretariat',
      fr: 'Secrétariat technique de la Conférence régionale sur les migrations',
    },
  },
  {
    code: 'IOM',
    name: {
      es: 'Organización Internacional para las Migraciones (OIM)',
      en: 'International Organization for Migration (IOM)',
      fr: 'Organisation internationale pour les migrations (OIM)',
    },
  },
  {
    code: 'UNODC',
    name: {
      es: 'Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)',
      en: 'United Nations Office on Drugs and Crime (UNODC)',
      fr: 'Office des Nations Unies contre la drogue et le crime (ONUDC)',
    },
  },
  {
    code: 'UNHCR',
    name: {
      es: 'Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)',
      en: 'United Nations High Commissioner for Refugees (UNHCR)',
      fr: 'Haut-Commissariat des Nations Unies pour les réfugiés (HCR)',
    },
  },
];

export interface ReferenceCountry {
  code: string;
  kind: CountryKind;
  name: LocalizedText;
}

function isoName(code: string, lang: 'es' | 'en' | 'fr'): string {
  const name = countries.getName(code, lang, { select: 'official' });
  if (!name) throw new Error(`No ${lang} name for ${code}`);
  return name;
}

export const REFERENCE_COUNTRIES: ReferenceCountry[] = [
  ...ISO.map(([code, kind]) => ({
    code,
    kind,
    name: { es: isoName(code, 'es'), en: isoName(code, 'en'), fr: isoName(code, 'fr') },
  })),
  ...ORGANISATIONS.map((o) => ({ code: o.code, kind: 'organisation' as const, name: o.name })),
];
