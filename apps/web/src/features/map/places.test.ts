import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AreaLabel,
  estimateWidth,
  type Label,
  labelBox,
  labelCandidates,
  minPopulation,
  needsTowns,
  type Place,
  pickLabels,
} from './places';

const places: Place[] = [
  ['Mexico City', 19.43, -99.13, 12_294_193, 'MX', 1, { es: 'Ciudad de México', fr: 'Mexico' }],
  ['Guatemala City', 14.64, -90.51, 994_938, 'GT', 1, { es: 'Ciudad de Guatemala', fr: 'Guatemala' }],
  ['Mixco', 14.63, -90.61, 473_080, 'GT', 0],
  ['Tapachula', 14.9, -92.26, 202_672, 'MX', 0],
  ['Quetzaltenango', 14.84, -91.52, 132_230, 'GT', 0],
  ['Ciudad Hidalgo', 14.68, -92.15, 14_000, 'MX', 0],
  ['Belmopan', 17.25, -88.77, 13_381, 'BZ', 1],
];
const areas: AreaLabel[] = [['Petén', 16.89, -90.03, 'GTM']];
// One degree = 100 px: Guatemala City and Mixco (0.1° apart) would overlap.
const project = (lat: number, lon: number) => ({ x: (lon + 180) * 100, y: (90 - lat) * 100 });
const everywhere = () => true;
const names = (zoom: number, language = 'en') =>
  pickLabels(labelCandidates(places, areas, zoom, language), everywhere, project).map((p) => p.label.text);

describe('place names by zoom level', () => {
  it('names the capitals first, whatever their size, then big cities, and more towns as one zooms in', () => {
    expect(minPopulation(3)).toBeGreaterThan(minPopulation(6));
    expect(minPopulation(6)).toBeGreaterThan(minPopulation(9));
    // Belmopan has 13,381 people: named as a capital, not as a town.
    expect(names(3)).toEqual(['Mexico City', 'Guatemala City', 'Belmopan']);
    // Zoomed out to the world, only the cities of 3 million or more.
    expect(names(2)).toEqual(['Mexico City']);
    expect(names(6)).toEqual(['Mexico City', 'Guatemala City', 'Belmopan', 'Tapachula', 'Petén']);
    expect(needsTowns(5)).toBe(false);
    expect(needsTowns(8)).toBe(true);
  });

  it('names first-level areas from zoom 6 on, after the cities', () => {
    expect(labelCandidates(places, areas, 5, 'en').some((l) => l.kind === 'area')).toBe(false);
    const at6 = labelCandidates(places, areas, 6, 'en');
    expect(at6.findIndex((l) => l.kind === 'area')).toBeGreaterThan(
      at6.findIndex((l) => l.text === 'Tapachula'),
    );
  });
});

describe('place names in the interface language', () => {
  it('shows the Spanish, English or French name where one is known, the gazetteer’s otherwise', () => {
    expect(names(4, 'es').slice(0, 2)).toEqual(['Ciudad de México', 'Ciudad de Guatemala']);
    expect(names(4, 'fr').slice(0, 2)).toEqual(['Mexico', 'Guatemala']);
    expect(names(4, 'en').slice(0, 2)).toEqual(['Mexico City', 'Guatemala City']);
    expect(names(4, 'es-MX')[0]).toBe('Ciudad de México');
    expect(names(4, 'fr')).toContain('Belmopan');
    const fr: AreaLabel[] = [
      ['North Carolina', 35.5, -79.4, 'USA', { es: 'Carolina del Norte', fr: 'Caroline du Nord' }],
    ];
    expect(labelCandidates([], fr, 7, 'fr')[0]?.text).toBe('Caroline du Nord');
    expect(labelCandidates([], fr, 7, 'en')[0]?.text).toBe('North Carolina');
  });
});

describe('label collision avoidance', () => {
  it('skips a label that would overlap a more important one, and places out of view', () => {
    const picked = pickLabels(labelCandidates(places, [], 9, 'en'), (lat) => lat < 19, project).map(
      (p) => p.label.text,
    );
    expect(picked).toContain('Guatemala City');
    expect(picked).not.toContain('Mixco');
    expect(picked).not.toContain('Mexico City');
  });

  it('uses the measured width: a long name hides a neighbour to its right that a short one would not', () => {
    const at = (text: string): Label => ({ text, lat: 0, lon: 0, kind: 'city' });
    const right: Label = { text: 'B', lat: 0, lon: 0.6, kind: 'town' };
    const pick = (first: Label) => pickLabels([first, right], everywhere, project).map((p) => p.label.text);
    expect(pick(at('A'))).toEqual(['A', 'B']);
    expect(pick(at('Ciudad de Guatemala'))).toEqual(['Ciudad de Guatemala']);
    // With a narrower font, measured, the same name leaves room.
    expect(pickLabels([at('Ciudad de Guatemala'), right], everywhere, project, () => 40)).toHaveLength(2);
  });

  it('draws no name under an incident marker', () => {
    const city: Label = { text: 'Tapachula', lat: 14.9, lon: -92.26, kind: 'town' };
    const at = project(city.lat, city.lon);
    const marker = { x0: at.x + 10, y0: at.y - 14, x1: at.x + 38, y1: at.y + 14 };
    expect(pickLabels([city], everywhere, project)).toHaveLength(1);
    expect(pickLabels([city], everywhere, project, estimateWidth, [marker])).toHaveLength(0);
  });

  it('never places two labels whose boxes overlap', () => {
    const label = fc.record({
      text: fc.string({ minLength: 1, maxLength: 24 }),
      lat: fc.double({ min: -1, max: 1, noNaN: true }),
      lon: fc.double({ min: -2, max: 2, noNaN: true }),
      kind: fc.constantFrom('capital', 'city', 'town', 'area' as const),
    });
    fc.assert(
      fc.property(fc.array(label, { maxLength: 60 }), (labels) => {
        const picked = pickLabels(labels as Label[], everywhere, project);
        const boxes = picked.map((p) => labelBox(p.label, p.at, estimateWidth(p.label.text, p.label.kind)));
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            if (!a || !b) continue;
            const apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
            expect(apart).toBe(true);
          }
      }),
    );
  });
});
