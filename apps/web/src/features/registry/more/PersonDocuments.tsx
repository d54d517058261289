import {
  PERSON_DOCUMENT_KINDS,
  type Person,
  type PersonDocument,
  type PersonDocumentKind,
  TEXT_MAX,
} from '@enlace/shared';
import {
  Badge,
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Fact } from '../../../components/Fact';
import { FormModal, useInput } from '../../../components/FormModal';
import { focusFirstInvalid, showServerErrors, validators } from '../../../hooks/useFieldError';
import { useFormat } from '../../../hooks/useFormat';
import { useVocab } from '../../incidents/vocabulary';
import { MrzField, useMrzFlagText } from '../dupes/MrzField';
import { useAddDocument, useWithdrawDocument } from './more.queries';

const KINDS = PERSON_DOCUMENT_KINDS.filter((k) => k !== 'unspecified');

/** A person's travel and identity documents: each with its MRZ check; added, withdrawn, never deleted. */
export function PersonDocuments({ person, mayWrite }: { person: Person; mayWrite: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<PersonDocument | null>(null);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-documents">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="person-documents">
          {t('registryMore.documents')}
        </Title>
        {mayWrite && (
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('registryMore.addDocument')}
          </Button>
        )}
      </Group>
      {person.documents.length === 0 ? (
        <Text c="dimmed">{t('registryMore.noDocuments')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {person.documents.map((d) => (
            <DocumentCard
              key={d.id}
              document={d}
              onWithdraw={mayWrite && d.status === 'current' ? () => setWithdrawing(d) : undefined}
            />
          ))}
        </SimpleGrid>
      )}
      {adding && <AddDocumentModal person={person} onClose={() => setAdding(false)} />}
      {withdrawing && (
        <WithdrawModal personId={person.id} document={withdrawing} onClose={() => setWithdrawing(null)} />
      )}
    </Card>
  );
}

function DocumentCard({ document: d, onWithdraw }: { document: PersonDocument; onWithdraw?: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const format = useFormat();
  const flagText = useMrzFlagText();
  const kind = t(`registryMore.kinds.${d.kind}`);
  return (
    <Card withBorder padding="sm" radius="sm" role="group" aria-label={`${kind} ${d.number ?? ''}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{kind}</Text>
          <Badge variant="light" color={d.status === 'current' ? 'green' : 'dark'} tt="none">
            {t(`registryMore.statuses.${d.status}`)}
          </Badge>
        </Group>
        <dl className="definition-list">
          <Fact label={t('registryMore.number')}>
            <span className="mono" style={{ overflowWrap: 'anywhere' }}>
              {d.number ?? '—'}
            </span>
          </Fact>
          <Fact label={t('registryMore.issuingCountry')}>
            {d.issuingCountry ? vocab.country(d.issuingCountry) : '—'}
          </Fact>
          <Fact label={t('registryMore.expiresOn')}>{d.expiresOn ? format.day(d.expiresOn) : '—'}</Fact>
          {d.mrz && (
            <Fact label={t('registryDuplicates.mrz.label')}>
              {d.mrz.flags.length === 0 ? (
                t('registryDuplicates.mrz.valid', { format: d.mrz.format })
              ) : (
                <>
                  <Text span fw={600} c="#8a3b00" size="sm">
                    {t('registryDuplicates.mrz.flagged', { count: d.mrz.flags.length, format: d.mrz.format })}
                  </Text>
                  <List size="sm">
                    {d.mrz.flags.map((f) => (
                      <List.Item key={JSON.stringify(f)}>{flagText(f)}</List.Item>
                    ))}
                  </List>
                </>
              )}
            </Fact>
          )}
          <Fact label={t('registryMore.added')}>
            {format.dateTime(d.addedAt)}
            {d.addedByName ? ` · ${d.addedByName}` : ''}
          </Fact>
          {d.withdrawal && (
            <Fact label={t('registryMore.withdrawn')}>
              {format.dateTime(d.withdrawal.at)}
              {d.withdrawal.byName ? ` · ${d.withdrawal.byName}` : ''} — {d.withdrawal.reason}
            </Fact>
          )}
        </dl>
        {onWithdraw && (
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            onClick={onWithdraw}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('registryMore.withdraw')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

interface DocumentValues {
  kind: Exclude<PersonDocumentKind, 'unspecified'>;
  number: string;
  issuingCountry: string | null;
  expiresOn: string;
  mrz: string;
}

function AddDocumentModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const add = useAddDocument(person.id);
  const form = useForm<DocumentValues>({
    initialValues: { kind: 'passport', number: '', issuingCountry: null, expiresOn: '', mrz: '' },
    validate: { number: validators.required },
  });
  const input = useInput(form);
  const labels = {
    kind: t('registryMore.kind'),
    number: t('registryMore.number'),
    issuingCountry: t('registryMore.issuingCountry'),
    expiresOn: t('registryMore.expiresOn'),
    mrz: t('registryDuplicates.mrz.label'),
  };
  const handleSubmit = form.onSubmit(
    (v) =>
      add.mutate(
        {
          kind: v.kind,
          number: v.number.trim(),
          ...(v.issuingCountry ? { issuingCountry: v.issuingCountry } : {}),
          ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
          ...(v.mrz.trim() ? { mrz: v.mrz.trim() } : {}),
        },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', title: t('registryMore.documentAdded'), message: '' });
            onClose();
          },
          onError: (e) => showServerErrors(form, e),
        },
      ),
    focusFirstInvalid,
  );
  return (
    <FormModal
      title={t('registryMore.addDocument')}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={add.error}
      labels={labels}
      pending={add.isPending}
      submitLabel={t('registryMore.addDocument')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={labels.kind}
          required
          data={KINDS.map((k) => ({ value: k, label: t(`registryMore.kinds.${k}`) }))}
          {...input('kind')}
        />
        <TextInput label={labels.number} required maxLength={TEXT_MAX.reference} {...input('number')} />
        <Select
          label={labels.issuingCountry}
          searchable
          clearable
          data={vocab.countryOptions}
          {...input('issuingCountry')}
        />
        <TextInput type="date" label={labels.expiresOn} {...input('expiresOn')} />
      </SimpleGrid>
      <MrzField
        value={form.values.mrz}
        onChange={(v) => form.setFieldValue('mrz', v)}
        typed={{
          givenNames: person.documentGivenNames ?? person.givenNames,
          familyNames: person.documentFamilyNames ?? person.familyNames,
          ...(person.birthDate ? { birthDate: person.birthDate } : {}),
          sex: person.sex,
          nationality: person.nationality,
          ...(form.values.number.trim() ? { documentNumber: form.values.number.trim() } : {}),
        }}
        error={typeof form.errors.mrz === 'string' ? form.errors.mrz : undefined}
      />
    </FormModal>
  );
}

function WithdrawModal({
  personId,
  document: d,
  onClose,
}: {
  personId: string;
  document: PersonDocument;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawDocument(personId);
  const form = useForm({ initialValues: { reason: '' }, validate: { reason: validators.required } });
  const input = useInput(form);
  const labels = { reason: t('registryMore.reason') };
  const handleSubmit = form.onSubmit(
    (v) =>
      withdraw.mutate(
        { documentId: d.id, reason: v.reason.trim() },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', title: t('registryMore.documentWithdrawn'), message: '' });
            onClose();
          },
          onError: (e) => showServerErrors(form, e),
        },
      ),
    focusFirstInvalid,
  );
  return (
    <FormModal
      title={t('registryMore.withdrawTitle', {
        kind: t(`registryMore.kinds.${d.kind}`),
        number: d.number ?? '',
      })}
      onClose={onClose}
      onSubmit={handleSubmit}
      error={withdraw.error}
      labels={labels}
      pending={withdraw.isPending}
      submitLabel={t('registryMore.withdraw')}
    >
      <Text size="sm">{t('registryMore.withdrawHint')}</Text>
      <Textarea
        label={labels.reason}
        required
        autosize
        minRows={2}
        maxLength={TEXT_MAX.purpose}
        {...input('reason')}
      />
    </FormModal>
  );
}
