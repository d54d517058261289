import en from '../locales/en.json';
import es from '../locales/es.json';
import fr from '../locales/fr.json';
import type { Locale } from './enums';

export type Messages = typeof en;
export const resources: Record<Locale, Messages> = { es, en, fr };
