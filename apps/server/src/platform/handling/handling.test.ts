import { HANDLING_CODES, type HandlingCodes, handlingCodesSchema } from '@enlace/shared';
import { describe, expect, it } from 'vitest';
import { type CodedItem, decideHandling } from './handling';
import { excerptOf } from './handling.describers';
import { handlingCells, handlingHeaderRows } from './handling.export';

const codes = (handling: HandlingCodes['handling'], extra: Partial<HandlingCodes> = {}): HandlingCodes => ({
  handling,
  reliability: 'B',
  accuracy: '2',
  ...(handling === 'H3' ? { restriction: 'Only for the Tapachula task force' } : {}),
  ...extra,
});
const item = (handling: HandlingCodes['handling']): CodedItem => ({
  type: 'exchange_message',
  id: 'm1',
  codes: codes(handling),
  originatorId: 'provider',
});

describe('handling codes', () => {
  it('are chosen, never defaulted: each code and both evaluations are required, H3 with its words', () => {
    expect(handlingCodesSchema.safeParse({}).success).toBe(false);
    expect(handlingCodesSchema.safeParse({ handling: 'H0', reliability: 'A' }).success).toBe(false);
    expect(handlingCodesSchema.safeParse(codes('H2')).success).toBe(true);
    expect(handlingCodesSchema.safeParse({ handling: 'H3', reliability: 'A', accuracy: '1' }).success).toBe(
      false,
    );
    expect(handlingCodesSchema.safeParse({ ...codes('H1'), restriction: 'x' }).success).toBe(false);
    expect(handlingCodesSchema.safeParse({ ...codes('H0'), extra: 1 }).success).toBe(false);
  });

  it('reserve to the provider what each code says, and nothing else', () => {
    const table = Object.fromEntries(
      HANDLING_CODES.map((h) => [
        h,
        (['view', 'forward', 'export', 'court'] as const).filter(
          (a) => !decideHandling('reader', item(h), a, []).allowed,
        ),
      ]),
    );
    expect(table).toEqual({
      H0: [],
      H1: ['court'],
      H2: ['forward', 'court'],
      H3: ['forward', 'export', 'court'],
    });
  });

  it('let the provider do anything with their own item', () => {
    for (const h of HANDLING_CODES)
      for (const a of ['view', 'forward', 'export', 'court'] as const)
        expect(decideHandling('provider', item(h), a, []).allowed).toBe(true);
  });

  it('allow a reserved action after the provider granted it to this requester, for this destination', () => {
    const granted = [{ action: 'forward', target: 'thread:T2', requestedBy: 'reader', status: 'granted' }];
    expect(decideHandling('reader', item('H2'), 'forward', granted, 'thread:T2').allowed).toBe(true);
    expect(decideHandling('reader', item('H2'), 'forward', granted, 'thread:T3')).toEqual({
      allowed: false,
      reason: 'needs_permission',
      mayRequest: true,
    });
    expect(decideHandling('someone-else', item('H2'), 'forward', granted, 'thread:T2').allowed).toBe(false);
    // A grant without destination covers every destination.
    const anywhere = [{ action: 'court', target: null, requestedBy: 'reader', status: 'granted' }];
    expect(decideHandling('reader', item('H1'), 'court', anywhere, 'case:C1').allowed).toBe(true);
  });

  it('say why an action is unavailable: pending, refused (may ask again), never asked', () => {
    const pending = [{ action: 'forward', target: null, requestedBy: 'reader', status: 'pending' }];
    const refused = [{ action: 'forward', target: null, requestedBy: 'reader', status: 'refused' }];
    expect(decideHandling('reader', item('H2'), 'forward', pending)).toMatchObject({
      reason: 'permission_pending',
      mayRequest: false,
    });
    expect(decideHandling('reader', item('H2'), 'forward', refused)).toMatchObject({
      reason: 'permission_refused',
      mayRequest: true,
    });
  });

  it('open an export with the strictest code of the file, every other code, its restrictions and evaluation codes, in the reader’s language', () => {
    const rows = handlingHeaderRows('es', [codes('H0'), codes('H3'), codes('H1', { reliability: 'A' })]);
    expect(rows).toEqual([
      ['Códigos de manejo y evaluación'],
      ['Código de manejo más estricto de este archivo', 'H3 — Otras restricciones'],
      [
        'Códigos de manejo de este archivo',
        'H3 — Otras restricciones; H1 — No utilizable en procesos judiciales sin permiso del proveedor; H0 — Solo para prevenir y combatir el delito',
      ],
      ['Restricción H3', 'Only for the Tapachula task force'],
      [
        'Fiabilidad de las fuentes de este archivo',
        'A — Sin duda sobre la fiabilidad de la fuente; B — Fuente generalmente fiable',
      ],
      ['Exactitud de la información de este archivo', '2 — Conocida personalmente por la fuente'],
      [],
    ]);
    expect(handlingCells('fr', codes('H2'))).toEqual([
      'H2 — Pas de diffusion ultérieure sans la permission du fournisseur',
      '',
      'B — Source généralement fiable',
      '2 — Connue personnellement de la source',
    ]);
    expect(handlingHeaderRows('en', [])).toEqual([]);
  });

  it('cut an item’s text for a permission request: white space collapsed, at a word, never a character split', () => {
    expect(excerptOf('  Lancha\n\nen   Ocós  ')).toBe('Lancha en Ocós');
    const words = 'palabra '.repeat(40);
    const cut = excerptOf(words);
    expect([...cut].length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/palabra…$/);
    // One long word is cut inside, rather than dropped.
    expect(excerptOf('x'.repeat(500))).toBe(`${'x'.repeat(199)}…`);
    // Characters outside the BMP count once and stay whole.
    expect([...excerptOf('🙂'.repeat(300))].length).toBe(200);
    expect(excerptOf('a'.repeat(200))).toBe('a'.repeat(200));
  });
});
