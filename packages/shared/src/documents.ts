import { LOCALES } from './enums';

/**
 * The languages a generated document (PDF, DOCX) may be written in: the three of the interface,
 * and Haitian Creole for the sheets handed to a person (a receipt, a notice of rights), who may
 * read no other. Only the documents room's own words (page numbers, the generation line) and the
 * person-facing sheets have Creole texts (`locales/ht.json`); staff documents are in es, en or fr.
 */
export const DOCUMENT_LOCALES = [...LOCALES, 'ht'] as const;
export type DocumentLocale = (typeof DOCUMENT_LOCALES)[number];

/**
 * The tag Intl formats a document's dates and numbers with. ICU carries no Haitian Creole
 * conventions (it would fall back to American English): Haiti's French ones are the nearest.
 */
export const INTL_LOCALE: Record<DocumentLocale, string> = { es: 'es', en: 'en', fr: 'fr', ht: 'fr-HT' };
