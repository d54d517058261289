import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchUsers } from '../admin/admin.queries';

/**
 * An account of the administrator's country, searched by name or address (POST: the names typed
 * never reach an address or a log). `current` names the account already chosen.
 */
export function UserPicker({
  label,
  description,
  country,
  value,
  currentName,
  onChange,
  required,
  error,
  roles,
}: {
  label: string;
  description?: string;
  country: string;
  value: string | null;
  currentName?: string | null;
  onChange: (id: string | null, name: string | null) => void;
  required?: boolean;
  error?: ReactNode;
  /** Only accounts with one of these roles (a liaison or a prosecutor for an authorisation). */
  roles?: readonly string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const users = useQuery({
    queryKey: ['admin', 'users', 'pick', country, debounced],
    queryFn: () => searchUsers({ country, q: debounced.trim() || undefined, limit: 20, offset: 0 }),
  });
  const options = (users.data?.items ?? [])
    .filter((u) => !roles || roles.includes(u.role))
    .map((u) => ({ value: u.id, label: `${u.displayName} · ${t(`roles.${u.role}`)}` }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: currentName ?? value });
  }
  return (
    <Select
      label={label}
      description={description}
      placeholder={t('directory.form.userSearch')}
      searchable
      clearable={!required}
      required={required}
      error={error}
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={users.isFetching ? t('a11y.loading') : t('common.nothingFound')}
      onChange={(id, option) => onChange(id, id ? option.label : null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
