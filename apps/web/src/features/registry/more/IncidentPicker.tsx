import { can, type IncidentSummary } from '@enlace/shared';
import { Anchor, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/auth.queries';
import { useVocab } from '../../incidents/vocabulary';
import { useFormat } from '../../../hooks/useFormat';
import { useIncidentSearch } from './more.queries';

/**
 * The incident an admission follows from, searched among the incidents the user may read (the
 * incidents list and its text search: reference, place, narrative…). Nothing for a role that
 * may not read incidents: the admission is recorded without one.
 */
export function IncidentPicker({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const vocab = useVocab();
  const format = useFormat();
  const mayRead = can(me.role, 'incidents.read');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<IncidentSummary | null>(null);
  const found = useIncidentSearch(q.trim(), mayRead);
  if (!mayRead) return null;
  const label = (i: IncidentSummary) =>
    `${i.reference} — ${vocab.term('incident_kind', i.kind)}, ${format.day(i.occurredOn)}`;
  const items = found.data?.items ?? [];
  const options = [...(chosen && !items.some((i) => i.id === chosen.id) ? [chosen] : []), ...items];
  return (
    <Select
      label={t('registryMore.incident')}
      description={t('registryMore.incidentHint')}
      placeholder={t('registryMore.incidentPlaceholder')}
      searchable
      clearable
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already: every option it answered is shown.
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('a11y.loading') : t('registryMore.incidentNone')}
      data={options.map((i) => ({ value: i.id, label: label(i) }))}
      onChange={(id) => {
        setChosen(options.find((i) => i.id === id) ?? null);
        onChange(id);
      }}
      error={error}
    />
  );
}

/** A stay's incident: its reference, linked for whoever may read incidents. */
export function IncidentLink({ incident }: { incident: { id: string; reference: string } | null }) {
  const me = useMe();
  if (!incident) return <>—</>;
  if (!can(me.role, 'incidents.read')) return <span className="mono">{incident.reference}</span>;
  return (
    <Anchor component={Link} to={`/incidents/${incident.id}`}>
      {incident.reference}
    </Anchor>
  );
}
