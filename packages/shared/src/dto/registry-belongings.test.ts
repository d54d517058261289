import { describe, expect, it } from 'vitest';
import {
  amountDecimals,
  belongingItemInputSchema,
  currencyDecimals,
  isValidImei,
} from './registry-belongings';

describe('isValidImei', () => {
  it('accepts 15 digits whose last is the Luhn check digit of the others', () => {
    expect(isValidImei('490154203237518')).toBe(true);
    expect(isValidImei('356938035643809')).toBe(true);
  });

  it('refuses a wrong check digit, another length or anything but digits', () => {
    expect(isValidImei('490154203237519')).toBe(false);
    expect(isValidImei('49015420323751')).toBe(false);
    expect(isValidImei('4901542032375180')).toBe(false);
    expect(isValidImei('49015420323751X')).toBe(false);
    expect(isValidImei('49015 420323751')).toBe(false);
  });
});

describe('currencyDecimals', () => {
  it('gives the minor units of ISO 4217 currencies and null for an unknown code', () => {
    expect(currencyDecimals('MXN')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('KWD')).toBe(3);
    expect(currencyDecimals('XYZ')).toBeNull();
    expect(currencyDecimals('usd')).toBeNull();
  });

  it('counts the decimals as typed', () => {
    expect(amountDecimals('1250')).toBe(0);
    expect(amountDecimals('1250.5')).toBe(1);
    expect(amountDecimals('1250.50')).toBe(2);
  });
});

describe('belongingItemInputSchema', () => {
  it('takes an amount as a decimal string, never a number or a float’s notation', () => {
    const cash = { kind: 'cash', currency: 'MXN', description: 'Billetes', sealNumber: 'B-1' };
    expect(belongingItemInputSchema.safeParse({ ...cash, amount: '1250.50' }).success).toBe(true);
    expect(belongingItemInputSchema.safeParse({ ...cash, amount: 1250.5 }).success).toBe(false);
    expect(belongingItemInputSchema.safeParse({ ...cash, amount: '1.25e3' }).success).toBe(false);
    expect(belongingItemInputSchema.safeParse({ ...cash, amount: '1,250.50' }).success).toBe(false);
  });

  it('refuses a field of another kind (strict at every kind)', () => {
    const phone = { kind: 'phone', imei: '490154203237518', description: 'Teléfono', sealNumber: 'B-1' };
    expect(belongingItemInputSchema.safeParse(phone).success).toBe(true);
    expect(belongingItemInputSchema.safeParse({ ...phone, currency: 'MXN' }).success).toBe(false);
  });
});
