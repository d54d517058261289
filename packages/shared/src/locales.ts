import en from '../locales/en.json';
import es from '../locales/es.json';
import fr from '../locales/fr.json';
import type { Locale } from './enums';

export type Messages = typeof en;
export const resources: Record<Locale, Messages> = { es, en, fr };

/** Flattens nested messages to dotted keys: { a: { b: 'x' } } → ['a.b']. */
export function flattenKeys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? flattenKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/**
 * Keys that some language has and another lacks (or leaves empty), as "locale: key".
 * Used by the tests of the server's and the web app's messages.
 */
export function translationGaps(bundles: Record<string, object>): string[] {
  const all = new Set(Object.values(bundles).flatMap((b) => flattenKeys(b)));
  const gaps: string[] = [];
  for (const [locale, bundle] of Object.entries(bundles)) {
    const values = new Map<string, unknown>();
    const walk = (o: object, prefix: string) => {
      for (const [k, v] of Object.entries(o)) {
        if (v !== null && typeof v === 'object') walk(v, `${prefix}${k}.`);
        else values.set(`${prefix}${k}`, v);
      }
    };
    walk(bundle, '');
    for (const key of all) {
      const v = values.get(key);
      if (typeof v !== 'string' || v.trim() === '') gaps.push(`${locale}: ${key}`);
    }
  }
  return gaps.sort();
}
