import type { ExchangeChannel } from '@enlace/shared';
import {
  Button,
  CloseButton,
  Group,
  Input,
  Loader,
  NativeSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../admin/admin.queries';
import { useCountryName, useLocalized } from '../../hooks/useLabels';
import { useLooseT } from '../../hooks/useLooseT';
import { addParticipant, type ParticipantChoice, participantKey } from './exchange';
import { useParticipantSearch } from './exchange.queries';

/**
 * Who takes part: people and agencies found by name (any country), whole countries, or the whole
 * network (a broadcast, not in the prosecutors' channel). The chosen ones are listed, each
 * removable.
 */
export function ParticipantPicker({
  channel,
  value,
  onChange,
  error,
  exclude = [],
}: {
  channel: ExchangeChannel;
  value: ParticipantChoice[];
  onChange: (next: ParticipantChoice[]) => void;
  error?: ReactNode;
  /** Participants already in the thread (when adding to it). */
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const looseT = useLooseT();
  const countryName = useCountryName();
  const localized = useLocalized();
  const countries = useCountries();
  const [q, setQ] = useState('');
  const [country, setCountry] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const search = useParticipantSearch({ q: debounced, channel }, debounced.length >= 2);
  const listId = useId();
  const chosen = new Set([...value.map((p) => participantKey(p.input)), ...exclude]);
  const add = (p: ParticipantChoice) => onChange(addParticipant(value, p));
  const remove = (key: string) => onChange(value.filter((p) => participantKey(p.input) !== key));
  const users = (search.data?.users ?? []).filter((u) => !chosen.has(`user:${u.id}`));
  const agencies =
    channel === 'network' ? (search.data?.agencies ?? []).filter((a) => !chosen.has(`agency:${a.id}`)) : [];
  const countryOptions = (countries.data ?? [])
    .filter((c) => c.active && !chosen.has(`country:${c.code}`))
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Input.Wrapper
      labelElement="div"
      label={t('exchange.participants.label')}
      description={t('exchange.participants.hint')}
      error={error}
      withAsterisk
    >
      <Stack gap="sm" mt={6} role="group" aria-label={t('exchange.participants.label')}>
        {value.length > 0 && (
          <Group gap="xs" component="ul" className="nav-list" aria-label={t('exchange.participants.chosen')}>
            {value.map((p) => {
              const key = participantKey(p.input);
              return (
                <Paper component="li" key={key} withBorder radius="xl" px="sm" py={2}>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">
                      {p.label}
                      <Text span size="xs" c="dimmed">
                        {' · '}
                        {looseT(`exchange.participants.kinds.${p.input.kind}`)}
                      </Text>
                    </Text>
                    <CloseButton
                      size="sm"
                      aria-label={t('exchange.participants.remove', { name: p.label })}
                      onClick={() => remove(key)}
                    />
                  </Group>
                </Paper>
              );
            })}
          </Group>
        )}
        <TextInput
          label={t('exchange.participants.search')}
          description={t('exchange.participants.searchHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          rightSection={search.isFetching ? <Loader size="xs" /> : null}
          aria-controls={listId}
          autoComplete="off"
        />
        <div id={listId} aria-live="polite">
          {debounced.length >= 2 && search.data && users.length + agencies.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('exchange.participants.noMatch')}
            </Text>
          )}
          {users.length + agencies.length > 0 && (
            <Stack gap={4} component="ul" className="nav-list">
              {users.map((u) => (
                <li key={u.id}>
                  <UnstyledButton
                    className="picker-option"
                    onClick={() =>
                      add({ input: { kind: 'user', ref: u.id }, label: u.name, countryCode: u.countryCode })
                    }
                    aria-label={t('exchange.participants.addNamed', { name: u.name })}
                  >
                    <Text size="sm" fw={500}>
                      {u.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[countryName(u.countryCode), looseT(`roles.${u.role}`), u.agency?.name]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
              {agencies.map((a) => (
                <li key={a.id}>
                  <UnstyledButton
                    className="picker-option"
                    onClick={() =>
                      add({ input: { kind: 'agency', ref: a.id }, label: a.name, countryCode: a.countryCode })
                    }
                    aria-label={t('exchange.participants.addNamed', { name: a.name })}
                  >
                    <Text size="sm" fw={500}>
                      {a.name}
                      {a.acronym ? ` (${a.acronym})` : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('exchange.participants.kinds.agency')} · {countryName(a.countryCode)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </div>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('exchange.participants.country')}
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
            data={[{ value: '', label: t('exchange.participants.chooseCountry') }, ...countryOptions]}
            w={{ base: '100%', xs: 260 }}
          />
          <Button
            variant="default"
            disabled={!country}
            onClick={() => {
              add({
                input: { kind: 'country', ref: country },
                label: countryName(country),
                countryCode: country,
              });
              setCountry('');
            }}
          >
            {t('exchange.participants.addCountry')}
          </Button>
          {channel === 'network' && !chosen.has('network:*') && (
            <Button
              variant="default"
              onClick={() =>
                add({
                  input: { kind: 'network' },
                  label: t('exchange.participants.network'),
                  countryCode: null,
                })
              }
            >
              {t('exchange.participants.addNetwork')}
            </Button>
          )}
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
