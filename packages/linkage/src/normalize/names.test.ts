import { describe, expect, it } from 'vitest';
import { canonicalName, nameTokens, phoneticKey, skeletonKey } from './names';

describe('nameTokens', () => {
  it('removes particles of Spanish, French and Arabic names', () => {
    expect(nameTokens('María del Carmen', 'given')).toEqual(['maria', 'carmen']);
    expect(nameTokens('De la Cruz y López', 'family')).toEqual(['cruz', 'lopez']);
    expect(nameTokens('Al-Hassan', 'family')).toEqual(['hassan']);
  });

  it('keeps a particle that is the whole name', () => {
    expect(nameTokens('Del', 'family')).toEqual(['del']);
  });

  it('expands registration-form abbreviations', () => {
    expect(nameTokens('Jn Robert', 'given')).toEqual(['jean', 'robert']);
    expect(nameTokens('Md. Rafiqul', 'given')).toEqual(['muhammad', 'rafiqul']);
    expect(nameTokens('Ma. Guadalupe', 'given')).toEqual(['maria', 'guadalupe']);
    expect(nameTokens('St-Louis', 'family')).toEqual(['saint', 'louis']);
  });

  it('expands Ma to Maria only before another given name (Ma is also a surname)', () => {
    expect(nameTokens('Ma', 'family')).toEqual(['ma']);
    expect(nameTokens('Ma', 'given')).toEqual(['ma']);
  });
});

describe('canonicalName', () => {
  it.each([
    ['mohammed', 'muhammad'],
    ['mohamed', 'muhammad'],
    ['maxamed', 'muhammad'],
    ['hossain', 'husain'],
    ['hussein', 'husain'],
    ['tesfaye', 'tesfay'],
    ['chang', 'zhang'],
    ['cali', 'ali'],
  ])('%s → %s', (variant, canonical) => {
    expect(canonicalName(variant)).toBe(canonical);
  });

  it('leaves other names alone', () => {
    expect(canonicalName('garcia')).toBe('garcia');
  });
});

describe('phoneticKey', () => {
  it.each([
    ['velasquez', 'belasquez'],
    ['vasquez', 'basquez'],
    ['zelaya', 'selaya'],
    ['cesar', 'sesar'],
    ['llanos', 'yanos'],
    ['hernandez', 'ernandez'],
    ['jimenez', 'gimenez'],
    ['ximena', 'jimena'],
    ['yovani', 'llovani'],
    ['youssouf', 'yusuf'],
    ['tesfaye', 'tesfay'],
    ['guillermo', 'gillermo'],
    ['khalid', 'jalid'],
  ])('%s sounds like %s', (a, b) => {
    expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it('keeps names that sound different apart', () => {
    expect(phoneticKey('ana')).not.toBe(phoneticKey('ines'));
    expect(phoneticKey('garcia')).not.toBe(phoneticKey('garza'));
  });

  it('leaves non-Latin words untouched', () => {
    expect(phoneticKey('محمد')).toBe('محمد');
  });
});

describe('skeletonKey', () => {
  it('ignores vowel slips', () => {
    expect(skeletonKey(phoneticKey('osman'))).toBe(skeletonKey(phoneticKey('usman')));
    expect(skeletonKey(phoneticKey('acosta'))).toBe(skeletonKey(phoneticKey('acsta')));
    expect(skeletonKey(phoneticKey('ibrahim'))).toBe(skeletonKey(phoneticKey('ebrahim')));
  });
});
