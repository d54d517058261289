import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { facetToken, foldText, parseSearch, searchTerms, wholeWords, words } from './search';

const key = randomBytes(32);

describe('search tokens', () => {
  it('fold case, accents and letters without a decomposition', () => {
    expect(foldText('Ñuñoa ÉCOLE Straße Łódź Øresund')).toBe('nunoa ecole strasse lodz oresund');
    expect(words('GTM-20240101-B5, «Tapachula»!')).toEqual(['gtm', '20240101', 'b5', 'tapachula']);
  });

  it('keep words of clear fields, and only keyed hashes of encrypted ones', () => {
    const terms = searchTerms(key, { plain: ['Río Suchiate'], secret: ['José Pérez, capitán'] }).split(' ');
    expect(terms).toContain('prio');
    expect(terms).toContain('psuchiate');
    expect(terms.join(' ')).not.toMatch(/jose|perez|capitan/);
    expect(terms.filter((t) => /^b[0-9a-f]{16}$/.test(t))).toHaveLength(3);
    // The same word hashes alike whatever its accents and case; another key gives other hashes.
    const again = searchTerms(key, { plain: [], secret: ['JOSE perez CAPITÁN'] });
    expect(again.split(' ').sort()).toEqual(terms.filter((t) => t.startsWith('b')).sort());
    expect(searchTerms(randomBytes(32), { plain: [], secret: ['jose'] })).not.toBe(
      searchTerms(key, { plain: [], secret: ['jose'] }),
    );
  });

  it('turn a query into prefixes of clear words or exact hashes', () => {
    const q = parseSearch(key, 'Tapa  PÉREZ a');
    const hashed = searchTerms(key, { plain: [], secret: ['perez'] });
    expect(q).toEqual([
      { prefix: 'ptapa', exact: [searchTerms(key, { plain: [], secret: ['tapa'] })] },
      { prefix: 'pperez', exact: [hashed] },
      { prefix: null, exact: ['pa', searchTerms(key, { plain: [], secret: ['a'] })] },
    ]);
    expect(parseSearch(key, ' -- ')).toBeNull();
    expect(parseSearch(key, undefined)).toBeNull();
  });

  it('blind a clear word of another script: found by the whole word', () => {
    const [token] = searchTerms(key, { plain: ['Москва'], secret: [] }).split(' ');
    expect(token).toMatch(/^b[0-9a-f]{16}$/);
    expect(parseSearch(key, 'москва')?.[0]).toEqual({ prefix: null, exact: [token] });
  });

  it('write the facets of filtered values apart from every word', () => {
    expect(facetToken('k', 'rescue_at_sea')).toBe('fkrescueatsea');
    expect(facetToken('c', 'GTM')).toBe('fcgtm');
    const terms = searchTerms(key, { plain: ['fkrescueatsea'], secret: [], facets: ['fkrescueatsea'] }).split(
      ' ',
    );
    expect(terms).toEqual(['pfkrescueatsea', 'fkrescueatsea']);
  });

  it("match a query's words whole: the prefix becomes one more exact token", () => {
    const query = parseSearch(key, 'Tapa ñu') ?? [];
    expect(wholeWords(query)).toEqual([
      { prefix: null, exact: ['ptapa', ...(query[0]?.exact ?? [])] },
      { prefix: null, exact: ['pnu', ...(query[1]?.exact ?? [])] },
    ]);
  });
});
