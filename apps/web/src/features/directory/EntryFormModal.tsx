import {
  CHANNEL_KINDS,
  type ChannelKind,
  DIRECTORY_AREAS,
  DIRECTORY_LANGUAGES,
  type DirectoryArea,
  type DirectoryEntry,
  type DirectoryEntryInput,
  TEXT_MAX,
} from '@enlace/shared';
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { useAgencies, useCountries } from '../admin/admin.queries';
import { useMe } from '../auth/auth.queries';
import { useCreateEntry, useUpdateEntry } from './directory.queries';
import { countryZones, languageName, supportedZones } from './directory-helpers';
import { UserPicker } from './UserPicker';

interface ChannelValues {
  kind: ChannelKind;
  value: string;
  note: string;
}

interface Values {
  countryCode: string;
  agencyId: string;
  name: string;
  function: string;
  areas: DirectoryArea[];
  languages: string[];
  channels: ChannelValues[];
  availability: string;
  available247: boolean;
  timeZone: string;
  userId: string | null;
}

const MAX_CHANNELS = 10;

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The zone a new entry starts with: the reader's own if the country has it, else the country's first. */
function defaultZone(countryCode: string): string {
  const zones = countryZones(countryCode);
  const mine = browserZone();
  return zones.includes(mine) ? mine : (zones[0] ?? mine);
}

function toInput(v: Values): DirectoryEntryInput {
  return {
    countryCode: v.countryCode,
    agencyId: v.agencyId || null,
    areas: v.areas,
    name: v.name.trim(),
    function: v.function.trim(),
    languages: v.languages as DirectoryEntryInput['languages'],
    channels: v.channels.map((c) => ({
      kind: c.kind,
      value: c.value.trim(),
      ...(c.note.trim() ? { note: c.note.trim() } : {}),
    })),
    availability: v.availability.trim() || undefined,
    available247: v.available247,
    timeZone: v.timeZone,
    userId: v.userId,
  };
}

/** Creates a directory entry, or edits one (`entry` given). For country and network administrators. */
export function EntryFormModal({ entry, onClose }: { entry?: DirectoryEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const localized = useLocalized();
  const fieldError = useFieldError();
  const { data: countries } = useCountries();
  const create = useCreateEntry();
  const update = useUpdateEntry();
  const mutation = entry ? update : create;

  const form = useForm<Values>({
    initialValues: {
      countryCode: entry?.countryCode ?? me.countryCode,
      agencyId: entry?.agencyId ?? '',
      name: entry?.name ?? '',
      function: entry?.function ?? '',
      areas: entry?.areas ?? [],
      languages: entry?.languages ?? [i18n.language],
      channels: entry?.channels.map((c) => ({ kind: c.kind, value: c.value, note: c.note ?? '' })) ?? [
        { kind: 'work_phone', value: '', note: '' },
      ],
      availability: entry?.availability ?? '',
      available247: entry?.available247 ?? false,
      timeZone: entry?.timeZone ?? defaultZone(me.countryCode),
      userId: entry?.userId ?? null,
    },
    validate: {
      name: validators.required,
      function: validators.required,
      areas: (v) => (v.length ? null : 'validation.required'),
      languages: (v) => (v.length ? null : 'validation.required'),
      timeZone: (v) => (v ? null : 'validation.required'),
      channels: { value: validators.required },
    },
  });

  const country = form.values.countryCode;
  const agencies = useAgencies(country, Boolean(country));
  const countryOptions = (countries ?? [])
    .filter((c) => me.scope === 'all' || c.code === me.countryCode)
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const countryLabel = countryOptions.find((c) => c.value === country)?.label ?? country;

  const zoneData = useMemo(() => {
    const own = countryZones(country);
    const ownSet = new Set(own);
    const rest = supportedZones().filter((z) => !ownSet.has(z));
    return [
      ...(own.length ? [{ group: countryLabel, items: own }] : []),
      { group: t('directory.form.otherZones'), items: rest },
    ];
  }, [country, countryLabel, t]);

  const languageOptions = DIRECTORY_LANGUAGES.map((code) => ({
    value: code,
    label: languageName(code, i18n.language),
  })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));

  const handleCountry = (code: string) => {
    form.setFieldValue('countryCode', code);
    form.setFieldValue('agencyId', '');
    form.setFieldValue('userId', null);
    if (!countryZones(code).includes(form.values.timeZone)) form.setFieldValue('timeZone', defaultZone(code));
  };

  const handleSubmit = form.onSubmit((values) => {
    const body = toInput(values);
    const onSuccess = (saved: DirectoryEntry) => {
      notifications.show({
        color: 'green',
        title: entry ? t('directory.form.saved') : t('directory.form.created'),
        message: saved.name,
      });
      onClose();
    };
    const onError = (e: unknown) => showServerErrors(form, e);
    if (entry) {
      const { countryCode: _country, ...patch } = body;
      update.mutate({ id: entry.id, patch }, { onSuccess, onError });
    } else create.mutate(body, { onSuccess, onError });
  }, focusFirstInvalid);

  return (
    <Modal
      opened
      onClose={onClose}
      title={entry ? t('directory.form.editTitle') : t('directory.form.createTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert
            error={mutation.error}
            fieldLabels={{
              name: t('directory.field.name'),
              function: t('directory.field.function'),
              timeZone: t('directory.field.timeZone'),
              areas: t('directory.field.areas'),
              languages: t('directory.field.languages'),
              channels: t('directory.field.channels'),
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('directory.field.name')}
              required
              maxLength={TEXT_MAX.name}
              {...form.getInputProps('name')}
              error={fieldError(form.errors.name)}
            />
            <TextInput
              label={t('directory.field.function')}
              required
              maxLength={TEXT_MAX.title}
              {...form.getInputProps('function')}
              error={fieldError(form.errors.function)}
            />
            <NativeSelect
              label={t('directory.field.country')}
              required
              disabled={Boolean(entry) || me.scope !== 'all'}
              data={countryOptions}
              value={country}
              onChange={(e) => handleCountry(e.currentTarget.value)}
            />
            <NativeSelect
              label={t('directory.field.agency')}
              data={[
                { value: '', label: t('directory.form.noAgency') },
                ...(agencies.data ?? [])
                  .filter((a) => a.active || a.id === form.values.agencyId)
                  .map((a) => ({
                    value: a.id,
                    label: a.acronym ? `${localized(a.name)} (${a.acronym})` : localized(a.name),
                  })),
              ]}
              {...form.getInputProps('agencyId')}
              error={fieldError(form.errors.agencyId)}
            />
          </SimpleGrid>

          <Checkbox.Group
            label={t('directory.field.areas')}
            required
            {...form.getInputProps('areas')}
            error={fieldError(form.errors.areas)}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
              {DIRECTORY_AREAS.map((a) => (
                <Checkbox key={a} value={a} label={t(`directory.areas.${a}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>

          <Fieldset legend={t('directory.field.channels')} variant="unstyled">
            <Stack gap="xs">
              {form.values.channels.map((c, i) => (
                <Group
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own; removal re-keys the rest, which is harmless for plain inputs
                  key={i}
                  align="flex-start"
                  gap="xs"
                  wrap="wrap"
                >
                  <NativeSelect
                    label={t('directory.form.channelKind', { n: i + 1 })}
                    data={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`directory.channels.${k}`) }))}
                    w={{ base: '100%', xs: 190 }}
                    {...form.getInputProps(`channels.${i}.kind`)}
                  />
                  <TextInput
                    label={t('directory.form.channelValue', { n: i + 1 })}
                    required
                    maxLength={TEXT_MAX.title}
                    style={{ flex: '1 1 200px' }}
                    type={c.kind === 'email' || c.kind === 'secure_email' ? 'email' : 'text'}
                    {...form.getInputProps(`channels.${i}.value`)}
                    error={fieldError(form.errors[`channels.${i}.value`])}
                  />
                  <TextInput
                    label={t('directory.form.channelNote', { n: i + 1 })}
                    maxLength={TEXT_MAX.title}
                    style={{ flex: '1 1 160px' }}
                    {...form.getInputProps(`channels.${i}.note`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    mt={{ base: 0, xs: 25 }}
                    disabled={form.values.channels.length <= 1}
                    aria-label={t('directory.form.removeChannel', { n: i + 1 })}
                    title={t('directory.form.removeChannel', { n: i + 1 })}
                    onClick={() => form.removeListItem('channels', i)}
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  disabled={form.values.channels.length >= MAX_CHANNELS}
                  onClick={() => form.insertListItem('channels', { kind: 'email', value: '', note: '' })}
                >
                  {t('directory.form.addChannel')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <MultiSelect
              label={t('directory.field.languages')}
              required
              searchable
              data={languageOptions}
              {...form.getInputProps('languages')}
              error={fieldError(form.errors.languages)}
            />
            <Select
              label={t('directory.field.timeZone')}
              required
              searchable
              allowDeselect={false}
              data={zoneData}
              limit={400}
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps('timeZone')}
              error={fieldError(form.errors.timeZone)}
            />
          </SimpleGrid>
          <Textarea
            label={t('directory.field.availability')}
            description={t('directory.form.availabilityHint')}
            maxLength={TEXT_MAX.purpose}
            autosize
            minRows={2}
            {...form.getInputProps('availability')}
            error={fieldError(form.errors.availability)}
          />
          <Switch
            label={t('directory.field.available247')}
            {...form.getInputProps('available247', { type: 'checkbox' })}
          />
          <UserPicker
            label={t('directory.field.user')}
            description={t('directory.form.userHint')}
            country={country}
            value={form.values.userId}
            currentName={entry?.userId && entry.userId === form.values.userId ? entry.name : null}
            onChange={(id) => form.setFieldValue('userId', id)}
            error={fieldError(form.errors.userId)}
          />
          <Text size="sm" c="dimmed">
            {entry ? t('directory.form.editNote') : t('directory.form.createNote')}
          </Text>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {entry ? t('common.save') : t('directory.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
