import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';

/** The real catalogues, in a plain i18next instance (no browser needed). */
async function translator(lng: 'es' | 'en' | 'fr') {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: { es: { translation: es }, en: { translation: en }, fr: { translation: fr } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i.t.bind(i) as (key: string, options?: Record<string, unknown>) => string;
}

const rows = (n: number) => ({ count: n, rows: String(n), created: String(n), updated: '0', unchanged: '0' });

describe('counts agree with their nouns', () => {
  it('says one imported row in the singular and more in the plural, in every language', async () => {
    const expected = {
      es: ['1 fila importada', '2 filas importadas', '1 fila leída', '2 filas leídas'],
      en: ['1 row imported', '2 rows imported', '1 row read', '2 rows read'],
      fr: ['1 ligne importée', '2 lignes importées', '1 ligne lue', '2 lignes lues'],
    } as const;
    for (const lng of ['es', 'en', 'fr'] as const) {
      const t = await translator(lng);
      const [one, two, checkedOne, checkedTwo] = expected[lng];
      expect(t('incidents.import.doneBody', rows(1))).toMatch(new RegExp(`^${one} \\(`));
      expect(t('incidents.import.doneBody', rows(2))).toMatch(new RegExp(`^${two} \\(`));
      expect(t('incidents.import.checkedBody', rows(1))).toMatch(new RegExp(`^${checkedOne} \\(`));
      expect(t('incidents.import.checkedBody', rows(2))).toMatch(new RegExp(`^${checkedTwo} \\(`));
    }
  });

  it('words the dashboard summaries by their counts', async () => {
    const es = await translator('es');
    const period = (n: number, unit: 'months' | 'years') => es(`stats.summary.${unit}`, { count: n });
    expect(es('stats.summary.overTime', { count: 1, incidents: '1', period: period(1, 'months') })).toBe(
      '1 incidente en 1 mes.',
    );
    expect(es('stats.summary.overTime', { count: 1200, incidents: '1200', period: period(3, 'years') })).toBe(
      '1200 incidentes en 3 años.',
    );
    expect(es('stats.knownIn', { count: 1, known: '1', incidents: '1' })).toBe(
      'informado en 1 de 1 incidente',
    );
    expect(es('stats.detailedNote', { count: 1, persons: '1' })).toMatch(/^1 persona contada/);
    // A suppressed total is a word, read as a plural.
    expect(es('stats.detailedNote', { count: Number.NaN, persons: 'suprimido' })).toMatch(
      /^suprimido personas contadas/,
    );
    const fr = await translator('fr');
    expect(fr('stats.knownIn', { count: 5, known: '1', incidents: '5' })).toBe(
      'signalé dans 1 des 5 incidents',
    );
    expect(fr('stats.knownIn', { count: 1, known: '0', incidents: '1' })).toBe(
      'signalé dans 0 incident sur 1',
    );
    expect(
      fr('stats.summary.overTime', {
        count: 0,
        incidents: '0',
        period: fr('stats.summary.years', { count: 1 }),
      }),
    ).toBe('0 incident sur 1 an.');
    const en = await translator('en');
    expect(en('stats.childrenNote', { count: 1, known: '1', incidents: '1' })).toBe(
      'Unaccompanied children were reported in 1 of 1 incident.',
    );
  });
});
