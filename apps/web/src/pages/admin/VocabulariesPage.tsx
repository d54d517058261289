import {
  EXTENSIBLE_VOCABULARIES,
  type LocalizedText,
  OFFENCE_CATEGORIES,
  TEXT_MAX,
  VOCABULARIES,
  type Vocabulary,
  type VocabularyTerm,
} from '@enlace/shared';
import { Button, Group, Modal, NativeSelect, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api';
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
export function VocabulariesPage() {
  const { t } = useTranslation();
  const lt = useLooseT();
  const vocabularies = useVocabularies();
  const [vocabulary, setVocabulary] = useState<Vocabulary>('modus_operandi');
  const [editing, setEditing] = useState<VocabularyTerm | 'new' | null>(null);
  const extensible = EXTENSIBLE_VOCABULARIES.includes(vocabulary);
  const terms = vocabularies.data?.terms[vocabulary] ?? [];

  return (
    <Page
      title={t('admin.vocabularies.title')}
      description={t('admin.vocabularies.intro')}
      actions={extensible && <Button onClick={() => setEditing('new')}>{t('vocabularies.create')}</Button>}
    >
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('vocabularies.vocabulary')}
          value={vocabulary}
          onChange={(e) => setVocabulary(e.currentTarget.value as Vocabulary)}
          data={VOCABULARIES.map((v) => ({ value: v, label: lt(`vocabularies.names.${v}`) }))}
          w={300}
        />
        <Text size="sm" c="dimmed" pb={8}>
          {extensible ? t('vocabularies.extensible') : t('vocabularies.closed')}
        </Text>
      </Group>
      <ErrorAlert error={vocabularies.error} />
      {vocabularies.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table
            striped
            highlightOnHover
            verticalSpacing="sm"
            bg="white"
            aria-label={lt(`vocabularies.names.${vocabulary}`)}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('vocabularies.code')}</Table.Th>
                <Table.Th scope="col">{t('vocabularies.labelEs')}</Table.Th>
                <Table.Th scope="col">{t('vocabularies.labelEn')}</Table.Th>
                <Table.Th scope="col">{t('vocabularies.labelFr')}</Table.Th>
                <Table.Th scope="col">{t('vocabularies.status')}</Table.Th>
                {extensible && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {terms.map((term) => (
                <Table.Tr key={term.code}>
                  <Table.Td className="mono">{term.code}</Table.Td>
                  <Table.Td lang="es">{term.label.es}</Table.Td>
                  <Table.Td lang="en">{term.label.en}</Table.Td>
                  <Table.Td lang="fr">{term.label.fr}</Table.Td>
                  <Table.Td>
                    <StatusDot
                      ok={term.active}
                      label={term.active ? t('common.active') : t('common.inactive')}
                    />
                  </Table.Td>
                  {extensible && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={t('admin.editNamed', { name: term.code })}
                        onClick={() => setEditing(term)}
                      >
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
