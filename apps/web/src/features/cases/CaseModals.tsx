import {
  AMOUNT_DECIMALS,
  amountSchema,
  ASSET_KINDS,
  ASSET_STATUSES,
  type Asset,
  type AssetKind,
  type AssetStatus,
  CASE_STAGES,
  type Case,
  type CaseStage,
  DEFENDANT_OUTCOMES,
  type DefendantOutcome,
  EVIDENCE_KINDS,
  type Evidence,
  type EvidenceKind,
  SUSPECT_KINDS,
  SUSPECT_ROLES,
  type Suspect,
  type SuspectKind,
  type SuspectRole,
  sentenceMonthsSchema,
  TEXT_MAX,
} from '@enlace/shared';
import {
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, useInput } from '../../components/FormModal';
import { NumberField, numberRule } from '../../components/NumberField';
import { numberOf, numberRules, numberText } from '../../components/number-text';
import { focusFirstInvalid, showServerErrors, validators } from '../../hooks/useFieldError';
import { useLocalized } from '../../hooks/useLabels';
import { useCountries } from '../admin/admin.queries';
import { useVocab } from '../incidents/vocabulary';
import {
  useAddAsset,
  useAddEvidence,
  useAddSuspect,
  useMoveStage,
  useShareCase,
  useTransferCustody,
  useUpdateAsset,
  useUpdateSuspect,
} from './cases.queries';
import { currencies, localInputToIso, sha256Of } from './money';

const today = () => new Date().toISOString().slice(0, 10);

/** What the number fields of a case accept, from the shared schemas the server checks. */
const MONEY = numberRules(amountSchema, { decimals: AMOUNT_DECIMALS });
const MONTHS = numberRules(sentenceMonthsSchema);

/** Moves a case to another stage of the cycle, on the date it happened. */
export function StageModal({ kase, onClose }: { kase: Case; onClose: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const move = useMoveStage();
  const next = CASE_STAGES[CASE_STAGES.indexOf(kase.stage) + 1] ?? kase.stage;
  const form = useForm<{ stage: CaseStage; occurredOn: string }>({
    initialValues: { stage: next, occurredOn: today() },
    validate: { occurredOn: validators.required },
  });
  const input = useInput(form);
  return (
    <FormModal
      title={t('cases.stage.moveTitle')}
      onClose={onClose}
      error={move.error}
      labels={{ stage: t('cases.field.stage'), occurredOn: t('cases.stage.date') }}
      pending={move.isPending}
      submitLabel={t('cases.stage.submit')}
      size="md"
      onSubmit={form.onSubmit(
        (v) =>
          move.mutate(
            { id: kase.id, ...v },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  title: t('cases.stage.moved'),
                  message: vocab.fixed('caseStage', v.stage),
                });
                onClose();
              },
              onError: (e) => showServerErrors(form, e),
            },
          ),
        focusFirstInvalid,
      )}
    >
      <Text size="sm">{t('cases.stage.current', { stage: vocab.fixed('caseStage', kase.stage) })}</Text>
      <NativeSelect
        label={t('cases.field.stage')}
        data={CASE_STAGES.filter((s) => s !== kase.stage).map((s) => ({
          value: s,
          label: vocab.fixed('caseStage', s),
        }))}
        {...input('stage')}
      />
      <TextInput type="date" label={t('cases.stage.date')} required {...input('occurredOn')} />
    </FormModal>
  );
}

interface SuspectValues {
  kind: SuspectKind;
  name: string;
  nationality: string;
  role: SuspectRole;
  defendant: boolean;
  charges: string[];
  outcome: DefendantOutcome;
  outcomeOn: string;
  /** Texts as typed; read on submit. */
  sentenceMonths: string;
  fineAmount: string;
  fineCurrency: string;
}

/** Adds a suspect, or edits one (`suspect` given) with the outcome for a defendant. */
export function SuspectModal({
  kase,
  suspect,
  onClose,
}: {
  kase: Case;
  suspect?: Suspect;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const add = useAddSuspect();
  const update = useUpdateSuspect();
  const mutation = suspect ? update : add;
  const currencyList = useMemo(() => currencies(), []);
  const form = useForm<SuspectValues>({
    initialValues: {
      kind: suspect?.kind ?? 'person',
      name: suspect?.name ?? '',
      nationality: suspect?.nationality ?? '',
      role: suspect?.role ?? 'other',
      defendant: suspect?.defendant ?? false,
      charges: suspect?.charges ?? [],
      outcome: suspect?.outcome ?? 'pending',
      outcomeOn: suspect?.outcomeOn ?? '',
      sentenceMonths: numberText(suspect?.sentenceMonths),
      fineAmount: numberText(suspect?.fine?.amount),
      fineCurrency: suspect?.fine?.currency ?? 'USD',
    },
    validate: {
      name: validators.required,
      sentenceMonths: numberRule(MONTHS),
      fineAmount: numberRule(MONEY),
    },
  });
  const input = useInput(form);
  const v = form.values;
  const labels = {
    kind: t('cases.suspect.kind'),
    name: t('cases.suspect.name'),
    nationality: t('cases.suspect.nationality'),
    role: t('cases.suspect.role'),
    defendant: t('cases.suspect.defendant'),
    charges: t('cases.suspect.charges'),
    outcome: t('cases.suspect.outcome'),
    outcomeOn: t('cases.suspect.outcomeOn'),
    sentenceMonths: t('cases.suspect.sentenceMonths'),
    fine: t('cases.suspect.fine'),
  };
  const pathOf = (p: string) =>
    p.startsWith('fine') ? 'fineAmount' : p.startsWith('charges') ? 'charges' : p;
  return (
    <FormModal
      title={suspect ? t('cases.suspect.editTitle', { name: suspect.name }) : t('cases.suspect.addTitle')}
      onClose={onClose}
      error={mutation.error}
      labels={labels}
      pending={mutation.isPending}
      submitLabel={suspect ? t('common.save') : t('cases.suspect.submit')}
      onSubmit={form.onSubmit((values) => {
        const onSuccess = () => {
          notifications.show({ color: 'green', title: t('cases.suspect.saved'), message: values.name });
          onClose();
        };
        const onError = (e: unknown) => showServerErrors(form, e, pathOf);
        const common = {
          name: values.name.trim(),
          nationality: values.nationality || null,
          role: values.role,
          defendant: values.defendant,
          charges: values.defendant ? values.charges : [],
        };
        if (suspect) {
          const decided = values.defendant && values.outcome !== 'pending';
          update.mutate(
            {
              id: kase.id,
              suspectId: suspect.id,
              body: {
                ...common,
                outcome: values.defendant ? values.outcome : 'pending',
                outcomeOn: decided ? values.outcomeOn || null : null,
                sentenceMonths:
                  values.outcome === 'convicted' ? numberOf(values.sentenceMonths, MONTHS) : null,
                fine:
                  values.outcome === 'convicted' && values.fineAmount.trim() !== ''
                    ? { amount: numberOf(values.fineAmount, MONEY) ?? 0, currency: values.fineCurrency }
                    : null,
              },
            },
            { onSuccess, onError },
          );
        } else {
          add.mutate({ id: kase.id, body: { ...common, kind: values.kind } }, { onSuccess, onError });
        }
      }, focusFirstInvalid)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={labels.kind}
          disabled={Boolean(suspect)}
          data={SUSPECT_KINDS.map((k) => ({ value: k, label: vocab.fixed('suspectKind', k) }))}
          {...input('kind')}
        />
        <TextInput
          label={labels.name}
          description={t('cases.suspect.nameHint')}
          required
          maxLength={TEXT_MAX.name}
          {...input('name')}
        />
        <NativeSelect
          label={labels.nationality}
          data={[{ value: '', label: t('common.unknown') }, ...vocab.countryOptions]}
          {...input('nationality')}
        />
        <NativeSelect
          label={labels.role}
          data={SUSPECT_ROLES.map((r) => ({ value: r, label: vocab.fixed('suspectRole', r) }))}
          {...input('role')}
        />
      </SimpleGrid>
      <Switch
        label={labels.defendant}
        description={t('cases.suspect.defendantHint')}
        {...form.getInputProps('defendant', { type: 'checkbox' })}
      />
      {v.defendant && (
        <Checkbox.Group label={labels.charges} {...input('charges')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={4}>
            {vocab.options('offence', suspect?.charges ?? []).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
      {suspect && v.defendant && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={labels.outcome}
            data={DEFENDANT_OUTCOMES.map((o) => ({ value: o, label: vocab.fixed('outcome', o) }))}
            {...input('outcome')}
          />
          {v.outcome !== 'pending' && (
            <TextInput type="date" label={labels.outcomeOn} required {...input('outcomeOn')} />
          )}
          {v.outcome === 'convicted' && (
            <>
              <NumberField label={labels.sentenceMonths} rules={MONTHS} {...input('sentenceMonths')} />
              <Group gap="xs" align="flex-end" wrap="nowrap">
                <NumberField label={labels.fine} rules={MONEY} {...input('fineAmount')} style={{ flex: 1 }} />
                <NativeSelect
                  label={t('cases.asset.currency')}
                  data={currencyList}
                  {...input('fineCurrency')}
                  w={110}
                />
              </Group>
            </>
          )}
        </SimpleGrid>
      )}
    </FormModal>
  );
}

interface AssetValues {
  kind: AssetKind;
  description: string;
  status: AssetStatus;
  /** The text as typed; read on submit. */
  value: string;
  currency: string;
  statusOn: string;
}

/** Records an asset (identified, seized, confiscated) or moves one to its next status. */
export function AssetModal({ kase, asset, onClose }: { kase: Case; asset?: Asset; onClose: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const add = useAddAsset();
  const update = useUpdateAsset();
  const mutation = asset ? update : add;
  const currencyList = useMemo(() => currencies(), []);
  const form = useForm<AssetValues>({
    initialValues: {
      kind: asset?.kind ?? 'cash',
      description: asset?.description ?? '',
      status: asset?.status ?? 'seized',
      value: numberText(asset?.value),
      currency: asset?.currency ?? 'USD',
      statusOn: today(),
    },
    validate: { statusOn: validators.required, value: numberRule(MONEY) },
  });
  const input = useInput(form);
  const labels = {
    kind: t('cases.asset.kind'),
    description: t('cases.asset.description'),
    status: t('cases.asset.status'),
    value: t('cases.asset.value'),
    currency: t('cases.asset.currency'),
    statusOn: t('cases.asset.statusOn'),
  };
  return (
    <FormModal
      title={asset ? t('cases.asset.editTitle') : t('cases.asset.addTitle')}
      onClose={onClose}
      error={mutation.error}
      labels={labels}
      pending={mutation.isPending}
      submitLabel={asset ? t('common.save') : t('cases.asset.submit')}
      onSubmit={form.onSubmit((v) => {
        const onSuccess = () => {
          notifications.show({
            color: 'green',
            title: t('cases.asset.saved'),
            message: vocab.fixed('assetKind', v.kind),
          });
          onClose();
        };
        const onError = (e: unknown) => showServerErrors(form, e);
        const value = numberOf(v.value, MONEY);
        const money = { value, currency: value === null ? null : v.currency };
        if (asset) {
          update.mutate(
            {
              id: kase.id,
              assetId: asset.id,
              body: {
                ...(v.status !== asset.status ? { status: v.status, statusOn: v.statusOn } : {}),
                ...money,
                description: v.description.trim() || null,
              },
            },
            { onSuccess, onError },
          );
        } else {
          add.mutate(
            {
              id: kase.id,
              body: {
                kind: v.kind,
                description: v.description.trim() || null,
                status: v.status,
                statusOn: v.statusOn,
                ...money,
              },
            },
            { onSuccess, onError },
          );
        }
      }, focusFirstInvalid)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={labels.kind}
          disabled={Boolean(asset)}
          data={ASSET_KINDS.map((k) => ({ value: k, label: vocab.fixed('assetKind', k) }))}
          {...input('kind')}
        />
        <NativeSelect
          label={labels.status}
          data={ASSET_STATUSES.map((s) => ({ value: s, label: vocab.fixed('assetStatus', s) }))}
          {...input('status')}
        />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NumberField
            label={labels.value}
            description={t('cases.asset.valueHint')}
            rules={MONEY}
            {...input('value')}
            style={{ flex: 1 }}
          />
          <NativeSelect label={labels.currency} data={currencyList} {...input('currency')} w={110} />
        </Group>
        <TextInput type="date" label={labels.statusOn} required {...input('statusOn')} />
      </SimpleGrid>
      <Textarea
        label={labels.description}
        autosize
        minRows={2}
        maxLength={TEXT_MAX.description}
        {...input('description')}
      />
    </FormModal>
  );
}

function HashField({
  label,
  description,
  inputProps,
  onHash,
}: {
  label: string;
  description: string;
  inputProps: ReturnType<ReturnType<typeof useInput>>;
  onHash: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Stack gap={4}>
      <TextInput label={label} description={description} className="mono" maxLength={64} {...inputProps} />
      <Group gap="xs">
        <label className="file-button">
          <input
            type="file"
            className="visually-hidden"
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              if (!file) return;
              setBusy(true);
              try {
                onHash(await sha256Of(file));
              } finally {
                setBusy(false);
              }
            }}
          />
          <span>{busy ? t('cases.evidence.hashing') : t('cases.evidence.hashFromFile')}</span>
        </label>
        <Text size="xs" c="dimmed">
          {t('cases.evidence.hashLocal')}
        </Text>
      </Group>
    </Stack>
  );
}

/** Records an evidence item and its first holder; the file's SHA-256 can be computed locally. */
export function EvidenceModal({ kase, onClose }: { kase: Case; onClose: () => void }) {
  const { t } = useTranslation();
  const vocab = useVocab();
  const add = useAddEvidence();
  const form = useForm<{
    kind: EvidenceKind;
    description: string;
    sha256: string;
    collectedAt: string;
    holder: string;
  }>({
    initialValues: { kind: 'document', description: '', sha256: '', collectedAt: '', holder: '' },
    validate: {
      description: validators.required,
      collectedAt: validators.required,
      holder: validators.required,
    },
  });
  const input = useInput(form);
  const labels = {
    kind: t('cases.evidence.kind'),
    description: t('cases.evidence.description'),
    sha256: t('cases.evidence.sha256'),
    collectedAt: t('cases.evidence.collectedAt'),
    holder: t('cases.evidence.holder'),
  };
  return (
    <FormModal
      title={t('cases.evidence.addTitle')}
      onClose={onClose}
      error={add.error}
      labels={labels}
      pending={add.isPending}
      submitLabel={t('cases.evidence.submit')}
      onSubmit={form.onSubmit(
        (v) =>
          add.mutate(
            {
              id: kase.id,
              body: {
                kind: v.kind,
                description: v.description.trim(),
                sha256: v.sha256.trim() || null,
                collectedAt: localInputToIso(v.collectedAt),
                holder: v.holder.trim(),
              },
            },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  title: t('cases.evidence.saved'),
                  message: v.description,
                });
                onClose();
              },
              onError: (e) => showServerErrors(form, e),
            },
          ),
        focusFirstInvalid,
      )}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={labels.kind}
          data={EVIDENCE_KINDS.map((k) => ({ value: k, label: vocab.fixed('evidenceKind', k) }))}
          {...input('kind')}
        />
        <TextInput
          type="datetime-local"
          label={labels.collectedAt}
          description={t('cases.evidence.localTimeHint')}
          required
          {...input('collectedAt')}
        />
      </SimpleGrid>
      <Textarea
        label={labels.description}
        required
        autosize
        minRows={2}
        maxLength={TEXT_MAX.description}
        {...input('description')}
      />
      <TextInput
        label={labels.holder}
        description={t('cases.evidence.holderHint')}
        required
        maxLength={TEXT_MAX.name}
        {...input('holder')}
      />
      <HashField
        label={labels.sha256}
        description={t('cases.evidence.sha256Hint')}
        inputProps={input('sha256')}
        onHash={(h) => form.setFieldValue('sha256', h)}
      />
    </FormModal>
  );
}

/** Hands an evidence item to its next holder; a hash given is checked against the recorded one. */
export function CustodyModal({
  kase,
  evidence,
  onClose,
}: {
  kase: Case;
  evidence: Evidence;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const transfer = useTransferCustody();
  const form = useForm<{ holder: string; at: string; purpose: string; sha256: string }>({
    initialValues: { holder: '', at: '', purpose: '', sha256: '' },
    validate: { holder: validators.required, at: validators.required },
  });
  const input = useInput(form);
  const labels = {
    holder: t('cases.custody.holder'),
    at: t('cases.custody.at'),
    purpose: t('cases.custody.purpose'),
    sha256: t('cases.custody.sha256'),
  };
  return (
    <FormModal
      title={t('cases.custody.title', { item: evidence.description })}
      onClose={onClose}
      error={transfer.error}
      labels={labels}
      pending={transfer.isPending}
      submitLabel={t('cases.custody.submit')}
      onSubmit={form.onSubmit(
        (v) =>
          transfer.mutate(
            {
              id: kase.id,
              evidenceId: evidence.id,
              body: {
                holder: v.holder.trim(),
                at: localInputToIso(v.at),
                purpose: v.purpose.trim() || null,
                sha256: v.sha256.trim() || null,
              },
            },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', title: t('cases.custody.saved'), message: v.holder });
                onClose();
              },
              onError: (e) => showServerErrors(form, e),
            },
          ),
        focusFirstInvalid,
      )}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={labels.holder} required maxLength={TEXT_MAX.name} {...input('holder')} />
        <TextInput
          type="datetime-local"
          label={labels.at}
          description={t('cases.evidence.localTimeHint')}
          required
          {...input('at')}
        />
      </SimpleGrid>
      <TextInput label={labels.purpose} maxLength={TEXT_MAX.purpose} {...input('purpose')} />
      {evidence.sha256 && (
        <HashField
          label={labels.sha256}
          description={t('cases.custody.sha256Hint')}
          inputProps={input('sha256')}
          onHash={(h) => form.setFieldValue('sha256', h)}
        />
      )}
    </FormModal>
  );
}

/** Shares a case with another country (explicit, audited, revocable by the owner). */
export function ShareModal({ kase, onClose }: { kase: Case; onClose: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { data: countries } = useCountries();
  const share = useShareCase();
  const active = new Set(kase.shares.filter((s) => !s.revokedAt).map((s) => s.countryCode));
  const form = useForm<{ countryCode: string }>({
    initialValues: { countryCode: '' },
    validate: { countryCode: validators.required },
  });
  const input = useInput(form);
  const options = (countries ?? [])
    .filter((c) => c.active && c.code !== kase.countryCode && !active.has(c.code))
    .map((c) => ({ value: c.code, label: localized(c.name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <FormModal
      title={t('cases.share.title')}
      onClose={onClose}
      error={share.error}
      labels={{ countryCode: t('cases.share.country') }}
      pending={share.isPending}
      submitLabel={t('cases.share.submit')}
      size="md"
      onSubmit={form.onSubmit(
        (v) =>
          share.mutate(
            { id: kase.id, countryCode: v.countryCode },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  title: t('cases.share.done'),
                  message: options.find((o) => o.value === v.countryCode)?.label ?? v.countryCode,
                });
                onClose();
              },
              onError: (e) => showServerErrors(form, e),
            },
          ),
        focusFirstInvalid,
      )}
    >
      <Text size="sm">{t('cases.share.explain')}</Text>
      <NativeSelect
        label={t('cases.share.country')}
        required
        data={[{ value: '', label: t('common.choose') }, ...options]}
        {...input('countryCode')}
      />
    </FormModal>
  );
}
