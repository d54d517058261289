import {
  type MrzCheck,
  type MrzCheckInput,
  type MrzFlag,
  mrzCheckInputSchema,
  type PersonInput,
  type PersonMrz,
} from '@enlace/shared';
import { requirePermission } from '../../platform/authz/access';
import { type Ctx, type Deps, nowIso } from '../../platform/context';
import { decryptField, encryptField } from '../../platform/crypto';
import { badRequest, invalidFields } from '../../platform/errors';
import { checkMrz, MrzUnreadable, type TypedDocument } from './registry-mrz';
import { findPersonMrz, type PersonMrzRow } from './registry-mrz.repository';
import type { Q } from './registry.repository';

// The MRZ of a person's travel document: checked against what was typed, flagged, never
// corrected. The zone is personal data: encrypted at rest, bound to its column.
const PURPOSE = 'registry.person.mrz';
const today = (deps: Deps) => nowIso(deps).slice(0, 10);

function read(deps: Deps, text: string, typed: TypedDocument, path: string | null): MrzCheck {
  try {
    return checkMrz(text, typed, today(deps));
  } catch (error) {
    if (!(error instanceof MrzUnreadable)) throw error;
    throw path === null
      ? badRequest('registry_mrz_unreadable')
      : invalidFields([{ path, code: 'registry_mrz_unreadable' }]);
  }
}

/** `POST /api/registry/mrz/check`: what the zone says and every flag, before anything is stored. */
export async function checkDocumentMrz(ctx: Ctx, body: MrzCheckInput): Promise<MrzCheck> {
  await requirePermission(ctx, 'registry.write');
  const { mrz, ...typed } = mrzCheckInputSchema.parse(body);
  return read(ctx, mrz, typed, null);
}

/**
 * The zone given with a new person, checked against the names as in the document (else as
 * stated) and the rest of what was typed; 400 when unreadable. The person keeps what was typed.
 */
export function mrzOfNewPerson(
  deps: Deps,
  personId: string,
  input: Pick<
    PersonInput,
    | 'mrz'
    | 'givenNames'
    | 'familyNames'
    | 'documentGivenNames'
    | 'documentFamilyNames'
    | 'birthDate'
    | 'sex'
    | 'nationality'
    | 'documentNumber'
  >,
): PersonMrzRow | null {
  if (!input.mrz) return null;
  const check = read(
    deps,
    input.mrz,
    {
      givenNames: input.documentGivenNames ?? input.givenNames,
      familyNames: input.documentFamilyNames ?? input.familyNames,
      birthDate: input.birthDate,
      sex: input.sex,
      nationality: input.nationality,
      documentNumber: input.documentNumber,
    },
    'mrz',
  );
  return {
    person_id: personId,
    format: check.format,
    mrz_enc: encryptField(deps.config.secretKey, input.mrz, PURPOSE),
    flags: JSON.stringify(check.flags),
    checked_at: nowIso(deps),
  };
}

/** The zone stored with a person and its flags, for the person's record. */
export async function mrzOfPerson(deps: Deps, db: Q, personId: string): Promise<PersonMrz | null> {
  const row = await findPersonMrz(db, personId);
  if (!row) return null;
  return {
    format: row.format as PersonMrz['format'],
    text: decryptField(deps.config.secretKey, row.mrz_enc, PURPOSE),
    flags: JSON.parse(row.flags) as MrzFlag[],
    checkedAt: row.checked_at,
  };
}
