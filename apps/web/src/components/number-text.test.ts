import {
  amountSchema,
  breakdownEntrySchema,
  countSchema,
  placeSchema,
  storedCountSchema,
} from '@enlace/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberRules, numberText, parseNumberText } from './number-text';

const count = numberRules(countSchema);
const money = numberRules(amountSchema, { decimals: 2 });
const latitude = numberRules(placeSchema.shape.latitude);

describe('numberRules', () => {
  it('reads bounds and integrality from the shared schemas', () => {
    expect(count).toEqual({ min: 0, max: 1_000_000, integer: true, decimals: 0 });
    expect(numberRules(breakdownEntrySchema.shape.count)).toMatchObject({ min: 1, integer: true });
    expect(numberRules(storedCountSchema)).toMatchObject({ min: -1_000_000 });
    expect(money).toEqual({ min: 0, max: 1e13, integer: false, decimals: 2 });
    expect(latitude).toEqual({ min: -90, max: 90, integer: false, decimals: undefined });
  });
});

describe('parseNumberText', () => {
  it('refuses what is not valid instead of stripping it', () => {
    expect(parseNumberText('3.5', count)).toEqual({
      ok: false,
      error: { key: 'validation.not_integer', params: {} },
    });
    expect(parseNumberText('-5', count)).toEqual({
      ok: false,
      error: { key: 'validation.too_small', params: { minimum: 0 } },
    });
    expect(parseNumberText('-1000', money)).toMatchObject({
      ok: false,
      error: { key: 'validation.too_small' },
    });
    expect(parseNumberText('1000001', count)).toEqual({
      ok: false,
      error: { key: 'validation.too_big', params: { maximum: 1_000_000 } },
    });
    for (const text of ['12a', '1 000', '1,000.5', '1e3', '--2', '3.', '.5', 'three']) {
      expect(parseNumberText(text, money)).toMatchObject({
        ok: false,
        error: { key: 'validation.not_a_number' },
      });
    }
    expect(parseNumberText('10.505', money)).toEqual({
      ok: false,
      error: { key: 'validation.decimals', params: { count: 2 } },
    });
    expect(parseNumberText('91', latitude)).toMatchObject({
      ok: false,
      error: { key: 'validation.too_big' },
    });
  });

  it('reads valid text, blank as unknown, either decimal mark', () => {
    expect(parseNumberText('', count)).toEqual({ ok: true, value: null });
    expect(parseNumberText('  ', count)).toEqual({ ok: true, value: null });
    expect(parseNumberText('12', count)).toEqual({ ok: true, value: 12 });
    expect(parseNumberText('3.0', count)).toEqual({ ok: true, value: 3 });
    expect(parseNumberText('1250,50', money)).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumberText('−12.345678', latitude)).toEqual({ ok: true, value: -12.345678 });
    expect(parseNumberText('-0', count)).toEqual({ ok: true, value: 0 });
  });

  it('reads back every value it shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        expect(parseNumberText(numberText(n), count)).toEqual({ ok: true, value: n });
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -90e8, max: 90e8 }).map((n) => n / 1e8),
        (v) => {
          expect(parseNumberText(numberText(v), latitude)).toEqual({ ok: true, value: v === 0 ? 0 : v });
        },
      ),
    );
  });
});
