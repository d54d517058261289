import { Button, CloseButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface FilterChip {
  key: string;
  /** What the filter is ("Mode"). */
  name: string;
  /** Its value in words ("Sea"). */
  value: string;
}

/** The filters in force on a list, each removable, so that a list opened from a link says what it shows. */
export function FilterChips({
  chips,
  onRemove,
  onClear,
}: {
  chips: FilterChip[];
  onRemove: (key: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  if (chips.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text size="sm" fw={600} id="active-filters-label">
        {t('list.activeFilters')}
      </Text>
      <Group
        component="ul"
        gap="xs"
        wrap="wrap"
        className="filter-chips"
        aria-labelledby="active-filters-label"
      >
        {chips.map((c) => (
          <li key={c.key} className="filter-chip">
            <span>
              {c.name}: <strong>{c.value}</strong>
            </span>
            <CloseButton
              size="sm"
              aria-label={t('list.removeFilter', { filter: `${c.name}: ${c.value}` })}
              onClick={() => onRemove(c.key)}
            />
          </li>
        ))}
      </Group>
      {chips.length > 1 && (
        <Button variant="subtle" size="compact-sm" onClick={onClear}>
          {t('list.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
