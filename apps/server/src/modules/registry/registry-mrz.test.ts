import { describe, expect, it } from 'vitest';
import { checkMrz, MrzUnreadable, mrzName } from './registry-mrz';

// The ICAO 9303 specimens (Doc 9303 part 4 for the passport, part 5 for the card): Anna Maria
// Eriksson of Utopia, born 12 August 1974, document expiring 15 April 2012.
const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TD1 = 'I<UTOD23145890<1233<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<2\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';
const TD2 = 'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6';
const typed = {
  givenNames: 'Anna María',
  familyNames: 'Eriksson',
  birthDate: '1974-08-12',
  sex: 'female' as const,
  nationality: 'UTO',
  documentNumber: 'L898902C3',
};

describe('checkMrz', () => {
  it('reads the specimen passport: every check digit right, the names and dates as typed', () => {
    const r = checkMrz(TD3, typed, '2011-06-01');
    expect(r.format).toBe('TD3');
    expect(r.fields).toEqual({
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      familyNames: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      birthDate: '1974-08-12',
      sex: 'female',
      nationality: 'UTO',
      expiryDate: '2012-04-15',
    });
    expect(r.flags).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('flags a wrong check digit by the field it protects, and the composite one', () => {
    const wrong = TD3.replace('L898902C36', 'L898902C35');
    const r = checkMrz(wrong, typed, '2011-06-01');
    expect(r.valid).toBe(false);
    expect(r.flags).toContainEqual({ kind: 'check_digit_invalid', field: 'documentNumber' });
    expect(r.flags).toContainEqual({ kind: 'check_digit_invalid', field: 'composite' });
    expect(r.flags.filter((f) => f.kind === 'check_digit_invalid')).toHaveLength(2);
  });

  it('flags a birth date whose check digit fails, without correcting it', () => {
    const r = checkMrz(TD3.replace('7408122F', '7408132F'), typed, '2011-06-01');
    expect(r.flags).toContainEqual({ kind: 'check_digit_invalid', field: 'birthDate' });
    expect(r.fields.birthDate).toBe('1974-08-13');
    expect(r.flags).toContainEqual({
      kind: 'mismatch',
      field: 'birthDate',
      mrz: '1974-08-13',
      typed: '1974-08-12',
    });
  });

  it('flags an expired document, after its expiry day only', () => {
    expect(checkMrz(TD3, typed, '2012-04-15').flags).toEqual([]);
    expect(checkMrz(TD3, typed, '2026-12-03').flags).toEqual([{ kind: 'expired', expiryDate: '2012-04-15' }]);
  });

  it('flags every field where what was typed disagrees with the zone: the zone says X, typed Y', () => {
    const r = checkMrz(
      TD3,
      {
        givenNames: 'Ana',
        familyNames: 'Eriksson',
        birthDate: '1974-12-08',
        sex: 'male',
        nationality: 'SWE',
        documentNumber: 'L898902C4',
      },
      '2011-06-01',
    );
    expect(r.flags).toEqual([
      { kind: 'mismatch', field: 'givenNames', mrz: 'ANNA MARIA', typed: 'Ana' },
      { kind: 'mismatch', field: 'birthDate', mrz: '1974-08-12', typed: '1974-12-08' },
      { kind: 'mismatch', field: 'sex', mrz: 'female', typed: 'male' },
      { kind: 'mismatch', field: 'nationality', mrz: 'UTO', typed: 'SWE' },
      { kind: 'mismatch', field: 'documentNumber', mrz: 'L898902C3', typed: 'L898902C4' },
    ]);
  });

  it('takes a partial birth date, accents and a document number typed with spaces as agreeing', () => {
    const r = checkMrz(
      TD3,
      { givenNames: 'ánna  maría', birthDate: '1974-08', documentNumber: 'l898 902-c3' },
      '2011-06-01',
    );
    expect(r.flags).toEqual([]);
  });

  it('reads the TD1 and TD2 specimen cards', () => {
    const td1 = checkMrz(TD1, { documentNumber: 'D23145890123' }, '2011-06-01');
    expect(td1.format).toBe('TD1');
    expect(td1.flags).toEqual([]);
    expect(td1.fields.familyNames).toBe('ERIKSSON');
    const td2 = checkMrz(TD2, { familyNames: 'Eriksson' }, '2011-06-01');
    expect(td2.format).toBe('TD2');
    expect(td2.flags).toEqual([]);
  });

  it('flags a state code that does not exist', () => {
    const r = checkMrz(TD3.replace('P<UTO', 'P<XYZ'), {}, '2011-06-01');
    expect(r.flags).toContainEqual({ kind: 'field_invalid', field: 'issuingState' });
  });

  it('refuses what is not a travel document zone', () => {
    expect(() => checkMrz('not a zone at all', {}, '2011-06-01')).toThrow(MrzUnreadable);
    expect(() => checkMrz('P<UTOERIKSSON<<ANNA', {}, '2011-06-01')).toThrow(MrzUnreadable);
  });

  it('writes names as the zone holds them', () => {
    expect(mrzName('José-María  Núñez')).toBe('JOSE MARIA NUNEZ');
  });
});
