import type { HandlingCodes } from '@enlace/shared';
import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { codesShort, handlingColor } from './handling-codes';
import { useHandlingLabels } from './handling-labels';

/**
 * The codes of an item, short ("H2 · B2"), with every code in words in a tooltip (on hover and on
 * keyboard focus) and for screen readers.
 */
export function HandlingBadge({ codes }: { codes: HandlingCodes }) {
  const labels = useHandlingLabels();
  const words = labels.full(codes);
  return (
    <Tooltip multiline w={320} withArrow label={words.map((w) => <div key={w}>{w}</div>)}>
      <Badge
        variant="outline"
        color={handlingColor(codes.handling)}
        radius="sm"
        tabIndex={0}
        className="handling-badge"
        styles={{ label: { textTransform: 'none' } }}
      >
        <span aria-hidden="true">{codesShort(codes)}</span>
        <VisuallyHidden>{words.join('. ')}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}
