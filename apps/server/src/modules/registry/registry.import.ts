import {
  type AdmissionInput,
  admissionInputSchema,
  type IssueLike,
  issueMessage,
  type PersonInput,
  personInputSchema,
} from '@enlace/shared';
import { parse } from 'csv-parse/sync';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { t } from '../../platform/i18n';
import { RELEASE_MATCH_THRESHOLD } from './registry.match';
import { centresOfCountry } from './registry.repository';
import { admit, createPerson, searchPersons } from './registry.service';

/** The columns of a registry CSV (docs/registry.md): one person and their admission per row. */
export const IMPORT_COLUMNS = [
  'given_names',
  'family_names',
  'document_given_names',
  'document_family_names',
  'aliases',
  'sex',
  'birth_date',
  'birth_date_precision',
  'estimated_age',
  'nationality',
  'other_nationalities',
  'languages',
  'document_number',
  'unit',
  'admitted_at',
  'referring_authority',
  'reason',
  'custody_type',
  'attention',
  'attention_note',
] as const;
const REQUIRED = ['given_names', 'family_names', 'sex', 'nationality', 'unit', 'admitted_at'] as const;
export const IMPORT_ROWS_MAX = 20_000;

export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

export type RegistryImportOutcome =
  | { ok: false; errors: ImportRowError[] }
  | { ok: true; rows: number; created: number; matched: number; alreadyIn: number; dryRun: boolean };

type Row = Record<string, string>;
const list = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** A row as the API's person body: the precision is the file's, or read from the date's length. */
function personOf(r: Row): PersonInput {
  const birthDate = opt(r.birth_date);
  const age = opt(r.estimated_age);
  const precision =
    opt(r.birth_date_precision) ??
    (age && !birthDate
      ? 'estimated_age'
      : birthDate?.length === 4
        ? 'year'
        : birthDate?.length === 7
          ? 'year_month'
          : 'exact');
  return {
    givenNames: r.given_names ?? '',
    familyNames: r.family_names ?? '',
    documentGivenNames: opt(r.document_given_names),
    documentFamilyNames: opt(r.document_family_names),
    aliases: list(r.aliases),
    sex: r.sex as PersonInput['sex'],
    birthDate,
    birthDatePrecision: precision as PersonInput['birthDatePrecision'],
    ...(age ? { estimatedAge: Number(age) } : {}),
    nationality: (r.nationality ?? '').toUpperCase(),
    otherNationalities: list(r.other_nationalities).map((c) => c.toUpperCase()),
    languages: list(r.languages),
    documentNumber: opt(r.document_number),
  };
}

function admissionOf(r: Row, centreId: string): Omit<AdmissionInput, 'personId'> {
  return {
    centreId,
    unit: r.unit as AdmissionInput['unit'],
    admittedAt: r.admitted_at ?? '',
    referringAuthority: r.referring_authority ?? '',
    reason: r.reason ?? '',
    custodyType: (opt(r.custody_type) ?? 'administrative_custody') as AdmissionInput['custodyType'],
    attention: {
      kinds: list(r.attention) as NonNullable<AdmissionInput['attention']>['kinds'],
      ...(opt(r.attention_note) ? { note: opt(r.attention_note) } : {}),
    },
  };
}

const PERSON_COLUMN: Record<string, string> = {
  givenNames: 'given_names',
  familyNames: 'family_names',
  documentGivenNames: 'document_given_names',
  documentFamilyNames: 'document_family_names',
  aliases: 'aliases',
  sex: 'sex',
  birthDate: 'birth_date',
  birthDatePrecision: 'birth_date_precision',
  estimatedAge: 'estimated_age',
  nationality: 'nationality',
  otherNationalities: 'other_nationalities',
  languages: 'languages',
  documentNumber: 'document_number',
  unit: 'unit',
  admittedAt: 'admitted_at',
  referringAuthority: 'referring_authority',
  reason: 'reason',
  custodyType: 'custody_type',
  attention: 'attention',
};

/**
 * Bulk loading of a centre's register (`enlace registry import FILE.csv --centre CODE`), as the
 * acting officer: every row is checked first (columns, the API's own schemas, repeated documents
 * in the file) and nothing is written if any row is wrong. Then each row goes through search
 * before create: a person the engine matches with the identity check's certainty (or by the same
 * document) is admitted as the person already held, never registered twice; anyone else is
 * registered, then admitted. Every write is the service's own (encryption, keys, audit). A row the
 * services refuse stops the import there (rows before it are written, each in its own
 * transaction); importing the same file again skips whoever it already admitted.
 */
export async function importRegistry(
  ctx: Ctx,
  text: string,
  opts: { centreCode: string; dryRun?: boolean },
): Promise<RegistryImportOutcome> {
  const actor = ctx.actor;
  if (!actor) throw new AppError(403, 'forbidden');
  const errors: ImportRowError[] = [];
  let rows: Row[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
  } catch (e) {
    return { ok: false, errors: [{ row: 0, column: null, message: (e as Error).message }] };
  }
  const header = rows.length ? Object.keys(rows[0] ?? {}) : [];
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  for (const c of unknown) errors.push({ row: 1, column: c, message: 'unknown column' });
  for (const c of missing) errors.push({ row: 1, column: c, message: 'required column missing' });
  if (rows.length > IMPORT_ROWS_MAX)
    errors.push({ row: 0, column: null, message: `at most ${IMPORT_ROWS_MAX} rows per file` });
  const centre = (await centresOfCountry(ctx.db.kysely, actor.countryCode)).find(
    (c) => c.code === opts.centreCode,
  );
  if (!centre)
    errors.push({ row: 0, column: null, message: `no centre ${opts.centreCode} in ${actor.countryCode}` });
  else if (centre.status === 'closed')
    errors.push({ row: 0, column: null, message: t(ctx.locale, 'errors.registry_centre_closed') });
  if (errors.length) return { ok: false, errors };

  const documents = new Map<string, number>();
  const prepared = rows.map((r, i) => {
    const row = i + 2; // the header is line 1
    const person = personInputSchema.safeParse(personOf(r));
    const stay = admissionInputSchema
      .omit({ personId: true })
      .safeParse(admissionOf(r, (centre as { id: string }).id));
    for (const result of [person, stay]) {
      if (result.success) continue;
      for (const issue of result.error.issues) {
        const { key, params } = issueMessage(issue as unknown as IssueLike);
        const field = String(issue.path[0] ?? '');
        errors.push({
          row,
          column: PERSON_COLUMN[field] ?? (field || null),
          message: t(ctx.locale, key, params),
        });
      }
    }
    const doc = opt(r.document_number);
    if (doc) {
      const first = documents.get(doc);
      if (first)
        errors.push({ row, column: 'document_number', message: `the same document as row ${first}` });
      else documents.set(doc, row);
    }
    return { row, person: person.data, stay: stay.data };
  });
  if (errors.length) return { ok: false, errors };
  if (opts.dryRun) return { ok: true, rows: rows.length, created: 0, matched: 0, alreadyIn: 0, dryRun: true };

  let created = 0;
  let matched = 0;
  let alreadyIn = 0;
  for (const p of prepared) {
    const person = p.person as PersonInput;
    const found = await searchPersons(ctx, {
      givenNames: person.givenNames,
      familyNames: person.familyNames,
      ...(person.birthDate ? { birthDate: person.birthDate } : {}),
      ...(person.estimatedAge !== undefined ? { estimatedAge: person.estimatedAge } : {}),
      sex: person.sex,
      nationality: person.nationality,
      ...(person.documentNumber ? { documentNumber: person.documentNumber } : {}),
    });
    const best = found.candidates[0];
    const same =
      best &&
      (best.score >= RELEASE_MATCH_THRESHOLD ||
        best.explanation.fields.some((f) => f.field === 'document_number' && f.agreement === 'strong'));
    let personId: string;
    if (same) {
      personId = best.person.id;
      matched += 1;
    } else {
      personId = (await createPerson(ctx, person)).id;
      created += 1;
    }
    try {
      await admit(ctx, { ...(p.stay as Omit<AdmissionInput, 'personId'>), personId });
    } catch (e) {
      // A file imported again: whoever it already admitted is in a centre; nothing is repeated.
      if (same && e instanceof AppError && e.code === 'registry_already_in_centre') {
        alreadyIn += 1;
        continue;
      }
      // Rows before this one are written (each is its own transaction); the report says where it stopped.
      const message = e instanceof AppError ? t(ctx.locale, `errors.${e.code}`, e.params) : String(e);
      return {
        ok: false,
        errors: [{ row: p.row, column: null, message: `${message} (rows before ${p.row} were imported)` }],
      };
    }
  }
  return { ok: true, rows: rows.length, created, matched, alreadyIn, dryRun: false };
}
