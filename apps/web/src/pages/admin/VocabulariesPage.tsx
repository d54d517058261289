import {
  EXTENSIBLE_VOCABULARIES,
  type LocalizedText,
  OFFENCE_CATEGORIES,
  TEXT_MAX,
  VOCABULARIES,
  type Vocabulary,
  type VocabularyTerm,
} from '@enlace/shared';
import { Button, Group, Modal, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { StatusDot } from '../../components/StatusDot';
import { useVocabularies } from '../../features/incidents/vocabulary';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { useLooseT } from '../../hooks/useLooseT';

interface Values {
  code: string;
  es: string;
  en: string;
  fr: string;
  category: string;
  active: boolean;
}

function useSaveTerm(vocabulary: Vocabulary) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body, create }: { code: string; body: unknown; create: boolean }) =>
      create
        ? api<VocabularyTerm>(`/api/vocabularies/${vocabulary}/terms`, { method: 'POST', body })
        : api<VocabularyTerm>(`/api/vocabularies/${vocabulary}/terms/${code}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['vocabularies'] }),
  });
}

/** A new term of an extensible vocabulary, or a term's labels and status. */
function TermModal({
  vocabulary,
  term,
  onClose,
}: {
  vocabulary: Vocabulary;
  term?: VocabularyTerm;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const localized = useLocalized();
  const fieldError = useFieldError();
  const save = useSaveTerm(vocabulary);
  const form = useForm<Values>({
    initialValues: {
      code: term?.code ?? '',
      es: term?.label.es ?? '',
      en: term?.label.en ?? '',
      fr: term?.label.fr ?? '',
      category: term?.attributes.category ?? 'related',
      active: term?.active ?? true,
    },
    validate: {
      code: (v) =>
        term
          ? null
          : !v.trim()
            ? 'validation.required'
            : /^[a-z0-9_]{2,60}$/.test(v)
              ? null
              : 'validation.termCode',
      es: validators.required,
      en: validators.required,
      fr: validators.required,
    },
  });
  const input = (path: keyof Values) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error as ReactNode) };
  };
  const labels: Record<string, string> = {
    code: t('vocabularies.code'),
    'label.es': t('vocabularies.labelEs'),
    'label.en': t('vocabularies.labelEn'),
    'label.fr': t('vocabularies.labelFr'),
    'attributes.category': t('vocabularies.category'),
  };
  const fieldLabels = Object.fromEntries(
    (isApiError(save.error) ? save.error.fieldErrors : []).map((e) => [e.path, labels[e.path] ?? e.path]),
  );
  const pathOf = (p: string) =>
    p.startsWith('label.') ? p.slice(6) : p === 'attributes.category' ? 'category' : p;

  return (
    <Modal
      opened
      onClose={onClose}
      title={
        term ? t('vocabularies.editTitle', { label: localized(term.label) }) : t('vocabularies.createTitle')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          const label: LocalizedText = { es: v.es.trim(), en: v.en.trim(), fr: v.fr.trim() };
          const body = term
            ? { label, active: v.active }
            : {
                code: v.code.trim(),
                label,
                ...(vocabulary === 'offence' ? { attributes: { category: v.category } } : {}),
              };
          save.mutate(
            { code: term?.code ?? v.code.trim(), body, create: !term },
            {
              onSuccess: (saved) => {
                notifications.show({
                  color: 'green',
                  title: t('vocabularies.saved'),
                  message: localized(saved.label),
                });
                onClose();
              },
              onError: (e) => showServerErrors(form, e, pathOf),
            },
          );
        }, focusFirstInvalid)}
      >
        <Stack gap="sm">
          <ErrorAlert error={save.error} fieldLabels={fieldLabels} />
          <TextInput
            label={t('vocabularies.code')}
            description={t('vocabularies.codeHint')}
            required={!term}
            disabled={Boolean(term)}
            maxLength={60}
            {...input('code')}
          />
          <TextInput
            label={t('vocabularies.labelEs')}
            lang="es"
            required
            maxLength={TEXT_MAX.label}
            {...input('es')}
          />
          <TextInput
            label={t('vocabularies.labelEn')}
            lang="en"
            required
            maxLength={TEXT_MAX.label}
            {...input('en')}
          />
          <TextInput
            label={t('vocabularies.labelFr')}
            lang="fr"
            required
            maxLength={TEXT_MAX.label}
            {...input('fr')}
          />
          {vocabulary === 'offence' && !term && (
            <NativeSelect
              label={t('vocabularies.category')}
              data={OFFENCE_CATEGORIES.map((c) => ({ value: c, label: lt(`cases.offenceCategory.${c}`) }))}
              {...input('category')}
            />
          )}
          {term && (
            <Switch
              label={t('vocabularies.activeLabel')}
              description={t('vocabularies.activeHint')}
              {...form.getInputProps('active', { type: 'checkbox' })}
            />
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {term ? t('common.save') : t('vocabularies.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The controlled vocabularies of incidents and cases; the extensible ones take new terms. */
const LIST: ListConfig<'code' | 'es' | 'en' | 'fr' | 'status', 'vocabulary'> = {
  sorts: ['code', 'es', 'en', 'fr', 'status'],
  defaultSort: 'code',
  defaultDir: 'asc',
  defaultLimit: 50,
  filters: ['vocabulary'],
};

export function VocabulariesPage() {
  const { t } = useTranslation();
  const lt = useLooseT();
  const vocabularies = useVocabularies();
  const list = useListState(LIST);
  const chosen = list.state.filters.vocabulary;
  const vocabulary: Vocabulary = VOCABULARIES.includes(chosen as Vocabulary)
    ? (chosen as Vocabulary)
    : 'modus_operandi';
  const [editing, setEditing] = useState<VocabularyTerm | 'new' | null>(null);
  const extensible = EXTENSIBLE_VOCABULARIES.includes(vocabulary);
  const terms = vocabularies.data?.terms[vocabulary];

  const label = (lang: 'es' | 'en' | 'fr', header: string): DataColumn<VocabularyTerm> => ({
    id: lang,
    header,
    sortable: true,
    value: (term) => term.label[lang],
    cell: (term) => <span lang={lang}>{term.label[lang]}</span>,
  });
  const columns: DataColumn<VocabularyTerm>[] = [
    {
      id: 'code',
      header: t('vocabularies.code'),
      sortable: true,
      required: true,
      primary: true,
      value: (term) => term.code,
      cell: (term) => <span className="mono">{term.code}</span>,
    },
    label('es', t('vocabularies.labelEs')),
    label('en', t('vocabularies.labelEn')),
    label('fr', t('vocabularies.labelFr')),
    {
      id: 'status',
      header: t('vocabularies.status'),
      sortable: true,
      value: (term) => (term.active ? 0 : 1),
      cell: (term) => (
        <StatusDot ok={term.active} label={term.active ? t('common.active') : t('common.inactive')} />
      ),
    },
    ...(extensible
      ? [
          {
            id: 'actions',
            header: t('common.actions'),
            required: true,
            cell: (term: VocabularyTerm) => (
              <Button
                size="xs"
                variant="default"
                aria-label={t('admin.editNamed', { name: term.code })}
                onClick={() => setEditing(term)}
              >
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={t('admin.vocabularies.title')}
      description={t('admin.vocabularies.intro')}
      actions={extensible && <Button onClick={() => setEditing('new')}>{t('vocabularies.create')}</Button>}
    >
      <Text size="sm" c="dimmed">
        {extensible ? t('vocabularies.extensible') : t('vocabularies.closed')}
      </Text>
      <DataTable
        id="admin-vocabularies"
        label={lt(`vocabularies.names.${vocabulary}`)}
        columns={columns}
        rows={terms}
        rowKey={(term) => term.code}
        list={list}
        mode="client"
        loading={vocabularies.isPending}
        error={vocabularies.error}
        emptyMessage={t('common.nothingFound')}
        search={{
          label: t('list.search'),
          searchText: (term) => `${term.code} ${term.label.es} ${term.label.en} ${term.label.fr}`,
        }}
        toolbar={
          <NativeSelect
            label={t('vocabularies.vocabulary')}
            value={vocabulary}
            onChange={(e) => list.setFilter('vocabulary', e.currentTarget.value)}
            data={VOCABULARIES.map((v) => ({ value: v, label: lt(`vocabularies.names.${v}`) }))}
            w={{ base: '100%', xs: 300 }}
          />
        }
      />
      {editing === 'new' && <TermModal vocabulary={vocabulary} onClose={() => setEditing(null)} />}
      {editing && editing !== 'new' && (
        <TermModal
          key={editing.code}
          vocabulary={vocabulary}
          term={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Page>
  );
}
