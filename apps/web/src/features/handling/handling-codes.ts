import {
  HANDLING_CODES,
  type HandlingCode,
  type HandlingCodes,
  INFO_ACCURACY,
  type InfoAccuracy,
  SOURCE_RELIABILITY,
  type SourceReliability,
  TEXT_MAX,
} from '@enlace/shared';

/**
 * The codes as the form holds them: '' until the author chooses. There is no default, so a
 * message never carries a code nobody chose.
 */
export interface CodesDraft {
  handling: HandlingCode | '';
  restriction: string;
  reliability: SourceReliability | '';
  accuracy: InfoAccuracy | '';
}

export const EMPTY_CODES: CodesDraft = { handling: '', restriction: '', reliability: '', accuracy: '' };

export type CodesErrorKey =
  | 'exchange.codes.chooseHandling'
  | 'exchange.codes.chooseReliability'
  | 'exchange.codes.chooseAccuracy'
  | 'exchange.codes.restrictionRequired'
  | 'exchange.codes.restrictionTooLong';

/** What is still missing, field by field (message keys); empty when the codes can be sent. */
export function codesErrors(d: CodesDraft): Partial<Record<keyof CodesDraft, CodesErrorKey>> {
  const out: Partial<Record<keyof CodesDraft, CodesErrorKey>> = {};
  if (!(HANDLING_CODES as readonly string[]).includes(d.handling))
    out.handling = 'exchange.codes.chooseHandling';
  if (!(SOURCE_RELIABILITY as readonly string[]).includes(d.reliability))
    out.reliability = 'exchange.codes.chooseReliability';
  if (!(INFO_ACCURACY as readonly string[]).includes(d.accuracy))
    out.accuracy = 'exchange.codes.chooseAccuracy';
  if (d.handling === 'H3') {
    if (!d.restriction.trim()) out.restriction = 'exchange.codes.restrictionRequired';
    else if (d.restriction.trim().length > TEXT_MAX.purpose)
      out.restriction = 'exchange.codes.restrictionTooLong';
  }
  return out;
}

/** The codes to send, or null while one is not chosen. The restriction goes only with H3. */
export function codesOf(d: CodesDraft): HandlingCodes | null {
  if (Object.keys(codesErrors(d)).length) return null;
  return {
    handling: d.handling as HandlingCode,
    ...(d.handling === 'H3' ? { restriction: d.restriction.trim() } : {}),
    reliability: d.reliability as SourceReliability,
    accuracy: d.accuracy as InfoAccuracy,
  };
}

/** "H2 · B2": the short form every message shows. */
export function codesShort(c: Pick<HandlingCodes, 'handling' | 'reliability' | 'accuracy'>): string {
  return `${c.handling} · ${c.reliability}${c.accuracy}`;
}

/** The badge's colour (dark shades: legible on white): the stricter the code, the warmer. */
export function handlingColor(code: HandlingCode): string {
  return { H0: 'gray.8', H1: 'blue.9', H2: 'orange.9', H3: 'red.9' }[code];
}
