import { Box, Group, Text } from '@mantine/core';

/** A status in a table cell: the word carries the meaning, the dot's colour only helps scanning. */
export function StatusDot({ ok, label }: { ok: boolean; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box
        w={8}
        h={8}
        bg={ok ? 'green.6' : 'red.6'}
        style={{ borderRadius: '50%', flexShrink: 0 }}
        aria-hidden="true"
      />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
