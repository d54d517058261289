import {
  type MRZ_COMPARED_FIELDS,
  MRZ_FORMATS,
  type MrzCheck,
  type MrzFlag,
  type MrzFormat,
  type PersonSex,
} from '@enlace/shared';
import { type Details, parse } from 'mrz';

// The machine-readable zone of a travel document (ICAO 9303), read with the `mrz` package and
// compared with what the officer typed. Pure: no database, no clock (today is given). Nothing is
// corrected: the package's autocorrection stays off, and every disagreement is a flag.

/** What the officer typed from the document, as the check compares it. */
export interface TypedDocument {
  givenNames?: string | undefined;
  familyNames?: string | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD */
  birthDate?: string | undefined;
  sex?: PersonSex | undefined;
  nationality?: string | undefined;
  documentNumber?: string | undefined;
}

/** The zone could not be read as a TD1, TD2 or TD3 travel document. */
export class MrzUnreadable extends Error {
  constructor() {
    super('mrz_unreadable');
  }
}

/** The check digits the package reports, by the field each protects. */
const CHECK_DIGITS = {
  documentNumberCheckDigit: 'documentNumber',
  birthDateCheckDigit: 'birthDate',
  expirationDateCheckDigit: 'expiryDate',
  personalNumberCheckDigit: 'personalNumber',
  compositeCheckDigit: 'composite',
} as const;

/**
 * ICAO 9303 writes Germany as `D`; every other state code is the ISO 3166 alpha-3 one. `UTO`
 * (Utopia) is the state of the ICAO specimens, which training sessions and tests read.
 */
function iso3Of(code: string): string {
  const c = code.replace(/</g, '');
  return c === 'D' ? 'DEU' : c;
}

/** YYMMDD to YYYY-MM-DD, in the century that keeps a birth date not after today. */
function birthDateOf(yymmdd: string, today: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const century = 2000 + yy > Number(today.slice(0, 4)) ? 1900 : 2000;
  const date = `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return date > today ? `${century - 100 + yy}-${date.slice(5)}` : date;
}

/** YYMMDD to YYYY-MM-DD for an expiry: the century nearest today (documents last a few years). */
function expiryDateOf(yymmdd: string, today: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const year = Number(today.slice(0, 4));
  const candidates = [1900, 2000, 2100].map((c) => c + yy);
  const nearest = candidates.reduce((a, b) => (Math.abs(b - year) < Math.abs(a - year) ? b : a));
  return `${nearest}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}

/** A name as the zone can hold it: upper case Latin letters, without accents, single spaces. */
export function mrzName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

const documentNumberOf = (v: string) => v.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Reads a zone and checks it against what was typed. Throws MrzUnreadable when it is not a TD1,
 * TD2 or TD3 zone. Lines are split on line breaks, blanks around them dropped and letters upper
 * cased (what a scanner or a hurried hand adds); no character of the zone itself is changed.
 */
export function checkMrz(text: string, typed: TypedDocument, today: string): MrzCheck {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim().toUpperCase())
    .filter((l) => l.length > 0);
  let result: ReturnType<typeof parse>;
  try {
    result = parse(lines);
  } catch {
    throw new MrzUnreadable();
  }
  if (!(MRZ_FORMATS as readonly string[]).includes(result.format)) throw new MrzUnreadable();
  const format = result.format as MrzFormat;
  const raw = (d: Details) => lines[d.line]?.slice(d.start, d.end) ?? '';
  const detail = (field: string) => result.details.find((d) => d.field === field);
  const flags: MrzFlag[] = [];

  for (const d of result.details) {
    if (d.valid || !d.field) continue;
    const checked = CHECK_DIGITS[d.field as keyof typeof CHECK_DIGITS];
    if (checked) flags.push({ kind: 'check_digit_invalid', field: checked });
    else if (!((d.field === 'issuingState' || d.field === 'nationality') && iso3Of(raw(d)) === 'UTO'))
      flags.push({ kind: 'field_invalid', field: d.field });
  }

  const stateOf = (field: string) => {
    const d = detail(field);
    const code = d ? iso3Of(raw(d)) : '';
    return code.length === 3 ? code : null;
  };
  const birth = detail('birthDate');
  const expiry = detail('expirationDate');
  const sexValue = result.fields.sex;
  const fields: MrzCheck['fields'] = {
    documentCode: result.fields.documentCode ?? null,
    issuingState: stateOf('issuingState'),
    documentNumber: result.documentNumber ?? (result.fields.documentNumber || null),
    familyNames: result.fields.lastName || null,
    givenNames: result.fields.firstName || null,
    birthDate: birth ? birthDateOf(raw(birth), today) : null,
    sex: sexValue === 'male' || sexValue === 'female' ? sexValue : null,
    nationality: stateOf('nationality'),
    expiryDate: expiry ? expiryDateOf(raw(expiry), today) : null,
  };

  if (fields.expiryDate && fields.expiryDate < today)
    flags.push({ kind: 'expired', expiryDate: fields.expiryDate });

  const mismatch = (
    field: (typeof MRZ_COMPARED_FIELDS)[number],
    mrz: string | null,
    given: string | undefined,
    same: boolean,
  ) => {
    if (mrz !== null && given !== undefined && given !== '' && !same)
      flags.push({ kind: 'mismatch', field, mrz, typed: given });
  };
  const sameName = (mrz: string | null, given: string | undefined, d: Details | undefined) => {
    if (mrz === null || given === undefined) return true;
    const g = mrzName(given);
    // A name longer than the zone is truncated there: the zone then holds its beginning.
    const truncated = d !== undefined && !raw(d).endsWith('<');
    return g === mrz || (truncated && g.startsWith(mrz));
  };
  const names = detail('lastName');
  mismatch(
    'familyNames',
    fields.familyNames,
    typed.familyNames,
    sameName(fields.familyNames, typed.familyNames, names),
  );
  mismatch(
    'givenNames',
    fields.givenNames,
    typed.givenNames,
    sameName(fields.givenNames, typed.givenNames, names),
  );
  mismatch(
    'birthDate',
    fields.birthDate,
    typed.birthDate,
    typed.birthDate === undefined || (fields.birthDate ?? '').startsWith(typed.birthDate),
  );
  mismatch('sex', fields.sex, typed.sex, fields.sex === typed.sex);
  mismatch('nationality', fields.nationality, typed.nationality, fields.nationality === typed.nationality);
  mismatch(
    'documentNumber',
    fields.documentNumber,
    typed.documentNumber,
    documentNumberOf(typed.documentNumber ?? '') === documentNumberOf(fields.documentNumber ?? ''),
  );

  return { format, fields, valid: flags.length === 0, flags };
}
