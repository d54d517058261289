import { describe, expect, it } from 'vitest';
import { compactCode, foldText, foldTokens } from './text';

describe('foldText', () => {
  it('strips accents and case', () => {
    expect(foldText('José Luis PÉREZ')).toBe('jose luis perez');
    expect(foldText('Ñuñoa')).toBe('nunoa');
    expect(foldText('Nguyễn Văn')).toBe('nguyen van');
  });

  it('drops apostrophes and turns punctuation and hyphens into single spaces', () => {
    expect(foldText("D'Haïti")).toBe('dhaiti');
    expect(foldText('O’Neil')).toBe('oneil');
    expect(foldText('  Jean-Baptiste,  Pierre ')).toBe('jean baptiste pierre');
  });

  it('expands special letters and keeps other scripts', () => {
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('محمد')).toBe('محمد');
  });

  it('handles decomposed input like composed input', () => {
    expect(foldText('Jose\u0301')).toBe(foldText('José'));
  });
});

describe('foldTokens and compactCode', () => {
  it('splits folded words', () => {
    expect(foldTokens('María del Carmen')).toEqual(['maria', 'del', 'carmen']);
    expect(foldTokens('  ')).toEqual([]);
  });

  it('keeps only letters and digits in codes, upper-cased', () => {
    expect(compactCode('v-12.345.678')).toBe('V12345678');
    expect(compactCode(' 0801 1990 12345 ')).toBe('0801199012345');
  });
});
