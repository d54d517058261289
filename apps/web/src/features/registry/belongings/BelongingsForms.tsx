import {
  BELONGING_DOCUMENT_TYPES,
  BELONGING_KINDS,
  type BelongingItem,
  type BelongingItemInput,
  type BelongingKind,
  type Belongings,
  CUSTODY_INPUT_KINDS,
  currencyDecimals,
  type FileSummary,
  RETURN_OUTCOMES,
  type ReturnOutcome,
  TEXT_MAX,
} from '@enlace/shared';
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useMemo, useState } from 'react';
import { PhotoPicker } from '../PhotoPicker';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NumberField, numberRule } from '../../../components/NumberField';
import { type NumberRules, parseNumberText } from '../../../components/number-text';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../../hooks/useFieldError';
import { useLooseT } from '../../../hooks/useLooseT';
import { currencies, isoToLocalInput, localInputToIso } from '../../cases/money';
import { useAddItem, useCorrectItem, useRecordCustody, useReturnBelongings } from './belongings.queries';

/** `t` for the keys computed from an item's kind (useLooseT). */
type T = (key: string, options?: Record<string, unknown>) => string;

/** "No. 3 · Phone — Black Samsung": how an item is named in lists and labels. */
export function itemName(t: T, item: Pick<BelongingItem, 'number' | 'kind' | 'description'>): string {
  return t('registryBelongings.itemName', {
    number: item.number,
    kind: t(`registryBelongings.kinds.${item.kind}`),
    description: item.description,
  });
}

/** The rules of an amount in a currency: its own decimals (none for JPY), never negative. */
function moneyRules(currency: string): NumberRules {
  return { min: 0, integer: false, decimals: currencyDecimals(currency) ?? 2 };
}

function FormModal({
  title,
  onClose,
  onSubmit,
  error,
  pending,
  submitLabel,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={error} />
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface ItemValues {
  kind: BelongingKind;
  description: string;
  sealNumber: string;
  currency: string;
  amount: string;
  documentType: (typeof BELONGING_DOCUMENT_TYPES)[number];
  documentNumber: string;
  imei: string;
}

/** Records an item, or (with `correcting`) its correction: the old one stays, superseded. */
export function ItemModal({
  stayId,
  correcting,
  onClose,
}: {
  stayId: string;
  correcting?: BelongingItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const loose = useLooseT();
  const fieldError = useFieldError();
  const add = useAddItem(stayId);
  const correct = useCorrectItem(stayId);
  const mutation = correcting ? correct : add;
  const currencyList = useMemo(() => currencies(), []);
  const [photo, setPhoto] = useState<FileSummary | null>(null);
  const form = useForm<ItemValues>({
    initialValues: {
      kind: correcting?.kind ?? 'cash',
      description: correcting?.description ?? '',
      sealNumber: correcting?.sealNumber ?? '',
      currency: correcting?.currency ?? 'MXN',
      amount: correcting?.amount ?? '',
      documentType: correcting?.documentType ?? 'passport',
      documentNumber: correcting?.documentNumber ?? '',
      imei: correcting?.imei ?? '',
    },
    validate: {
      description: validators.required,
      sealNumber: validators.required,
      amount: (v, values) =>
        values.kind === 'cash' ? numberRule(moneyRules(values.currency), { required: true })(v) : null,
      documentNumber: (v, values) => (values.kind === 'document' ? validators.required(v) : null),
      imei: (v, values) => (values.kind === 'phone' ? validators.required(v) : null),
    },
  });
  const input = (path: keyof ItemValues) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error as ReactNode) };
  };
  const kind = form.values.kind;
  const bodyOf = (v: ItemValues): BelongingItemInput => {
    const common = {
      description: v.description.trim(),
      sealNumber: v.sealNumber.trim(),
      ...(photo ? { photoFileId: photo.id } : {}),
    };
    if (v.kind === 'cash') {
      // Sent as typed, with a point for the decimal mark: money is never a float.
      const parsed = parseNumberText(v.amount, moneyRules(v.currency));
      const amount = parsed.ok ? v.amount.trim().replace(',', '.').replace(/^\+/, '') : v.amount;
      return { kind: 'cash', currency: v.currency, amount, ...common };
    }
    if (v.kind === 'document')
      return {
        kind: 'document',
        documentType: v.documentType,
        documentNumber: v.documentNumber.trim(),
        ...common,
      };
    if (v.kind === 'phone') return { kind: 'phone', imei: v.imei.trim(), ...common };
    return { kind: v.kind, ...common };
  };
  return (
    <FormModal
      title={
        correcting
          ? t('registryBelongings.item.correctTitle', { name: itemName(loose, correcting) })
          : t('registryBelongings.item.addTitle')
      }
      onClose={onClose}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={
        correcting ? t('registryBelongings.item.correctSubmit') : t('registryBelongings.item.addSubmit')
      }
      onSubmit={form.onSubmit((v) => {
        const options = {
          onSuccess: () => {
            notifications.show({
              color: 'green',
              title: t('registryBelongings.item.saved'),
              message: v.description,
            });
            onClose();
          },
          onError: (e: unknown) => showServerErrors(form, e),
        };
        if (correcting) correct.mutate({ itemId: correcting.id, body: bodyOf(v) }, options);
        else add.mutate(bodyOf(v), options);
      }, focusFirstInvalid)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('registryBelongings.item.kind')}
          data={BELONGING_KINDS.map((k) => ({ value: k, label: t(`registryBelongings.kinds.${k}`) }))}
          {...input('kind')}
        />
        <TextInput
          label={t('registryBelongings.item.seal')}
          description={t('registryBelongings.item.sealHint')}
          required
          maxLength={TEXT_MAX.reference}
          {...input('sealNumber')}
        />
        {kind === 'cash' && (
          <>
            <NativeSelect
              label={t('registryBelongings.item.currency')}
              data={currencyList}
              {...input('currency')}
            />
            <NumberField
              label={t('registryBelongings.item.amount')}
              required
              rules={moneyRules(form.values.currency)}
              {...input('amount')}
            />
          </>
        )}
        {kind === 'document' && (
          <>
            <NativeSelect
              label={t('registryBelongings.item.documentType')}
              data={BELONGING_DOCUMENT_TYPES.map((d) => ({
                value: d,
                label: t(`registryBelongings.documentTypes.${d}`),
              }))}
              {...input('documentType')}
            />
            <TextInput
              label={t('registryBelongings.item.documentNumber')}
              required
              maxLength={TEXT_MAX.reference}
              autoComplete="off"
              {...input('documentNumber')}
            />
          </>
        )}
        {kind === 'phone' && (
          <TextInput
            label={t('registryBelongings.item.imei')}
            description={t('registryBelongings.item.imeiHint')}
            required
            inputMode="numeric"
            autoComplete="off"
            maxLength={TEXT_MAX.acronym}
            {...input('imei')}
          />
        )}
      </SimpleGrid>
      <Textarea
        label={t('registryBelongings.item.description')}
        required
        autosize
        minRows={2}
        maxLength={TEXT_MAX.description}
        {...input('description')}
      />
      <PhotoPicker
        value={photo}
        onChange={setPhoto}
        labels={{
          choose: t('registryBelongings.item.photo'),
          replace: t('registryBelongings.item.photoReplace'),
          none: t('registryBelongings.item.photoNone'),
          attached: (name) => t('registryBelongings.item.photoAttached', { name }),
        }}
      />
    </FormModal>
  );
}

interface CustodyValues {
  kind: (typeof CUSTODY_INPUT_KINDS)[number];
  place: string;
  authority: string;
  reference: string;
  at: string;
  note: string;
  itemIds: string[];
}

/** Appends a movement of the belongings to the custody log. */
export function CustodyModal({
  stayId,
  belongings,
  onClose,
}: {
  stayId: string;
  belongings: Belongings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const loose = useLooseT();
  const fieldError = useFieldError();
  const mutation = useRecordCustody(stayId);
  const current = belongings.items.filter((i) => !i.supersededBy && !i.return);
  const form = useForm<CustodyValues>({
    initialValues: {
      kind: 'stored',
      place: '',
      authority: '',
      reference: '',
      at: isoToLocalInput(new Date().toISOString()).slice(0, 16),
      note: '',
      itemIds: [],
    },
    validate: {
      at: validators.required,
      place: (v, values) => (values.kind !== 'handed_to_authority' ? validators.required(v) : null),
      authority: (v, values) => (values.kind === 'handed_to_authority' ? validators.required(v) : null),
      reference: (v, values) => (values.kind === 'handed_to_authority' ? validators.required(v) : null),
    },
  });
  const input = (path: keyof CustodyValues) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error as ReactNode) };
  };
  const kind = form.values.kind;
  return (
    <FormModal
      title={t('registryBelongings.custody.addTitle')}
      onClose={onClose}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={t('registryBelongings.custody.submit')}
      onSubmit={form.onSubmit((v) => {
        const at = localInputToIso(v.at);
        const note = v.note.trim() ? { note: v.note.trim() } : {};
        const body =
          v.kind === 'handed_to_authority'
            ? {
                kind: v.kind,
                authority: v.authority.trim(),
                reference: v.reference.trim(),
                at,
                ...(v.itemIds.length ? { itemIds: v.itemIds } : {}),
                ...note,
              }
            : { kind: v.kind, place: v.place.trim(), at, ...note };
        mutation.mutate(body, {
          onSuccess: () => {
            notifications.show({ color: 'green', title: t('registryBelongings.custody.saved'), message: '' });
            onClose();
          },
          onError: (e) => showServerErrors(form, e),
        });
      }, focusFirstInvalid)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('registryBelongings.custody.kind')}
          data={CUSTODY_INPUT_KINDS.map((k) => ({
            value: k,
            label: t(`registryBelongings.custodyKinds.${k}`),
          }))}
          {...input('kind')}
        />
        <TextInput
          type="datetime-local"
          label={t('registryBelongings.custody.at')}
          required
          {...input('at')}
        />
        {kind === 'handed_to_authority' ? (
          <>
            <TextInput
              label={t('registryBelongings.custody.authority')}
              required
              maxLength={TEXT_MAX.name}
              {...input('authority')}
            />
            <TextInput
              label={t('registryBelongings.custody.reference')}
              required
              maxLength={TEXT_MAX.reference}
              {...input('reference')}
            />
          </>
        ) : (
          <TextInput
            label={t('registryBelongings.custody.place')}
            required
            maxLength={TEXT_MAX.placeName}
            {...input('place')}
          />
        )}
      </SimpleGrid>
      {kind === 'handed_to_authority' && (
        <Checkbox.Group
          label={t('registryBelongings.custody.items')}
          description={t('registryBelongings.custody.itemsHint')}
          {...form.getInputProps('itemIds')}
        >
          <Stack gap={4} mt={4}>
            {current.map((i) => (
              <Checkbox key={i.id} value={i.id} label={itemName(loose, i)} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Textarea
        label={t('registryBelongings.custody.note')}
        autosize
        maxLength={TEXT_MAX.purpose}
        {...input('note')}
      />
    </FormModal>
  );
}

interface ReturnRow {
  itemId: string;
  outcome: ReturnOutcome;
  reason: string;
  authority: string;
}

/** The return at release, item by item: every item still held, each with what became of it. */
export function ReturnModal({
  stayId,
  belongings,
  onClose,
}: {
  stayId: string;
  belongings: Belongings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const loose = useLooseT();
  const fieldError = useFieldError();
  const mutation = useReturnBelongings(stayId);
  const held = belongings.items.filter((i) => !i.supersededBy && !i.return);
  const form = useForm<{ at: string; items: ReturnRow[] }>({
    initialValues: {
      at: isoToLocalInput(new Date().toISOString()).slice(0, 16),
      items: held.map((i) => ({ itemId: i.id, outcome: 'returned', reason: '', authority: '' })),
    },
    validate: {
      at: validators.required,
      items: {
        reason: (v, values, path) => {
          const row = values.items[Number(path.split('.')[1])];
          return row && row.outcome !== 'returned' ? validators.required(v) : null;
        },
        authority: (v, values, path) => {
          const row = values.items[Number(path.split('.')[1])];
          return row?.outcome === 'retained' ? validators.required(v) : null;
        },
      },
    },
  });
  const input = (path: string) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error as ReactNode) };
  };
  return (
    <FormModal
      title={t('registryBelongings.return.title')}
      onClose={onClose}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={t('registryBelongings.return.submit')}
      onSubmit={form.onSubmit((v) => {
        mutation.mutate(
          {
            at: localInputToIso(v.at),
            items: v.items.map((r) => ({
              itemId: r.itemId,
              outcome: r.outcome,
              ...(r.outcome !== 'returned' && r.reason.trim() ? { reason: r.reason.trim() } : {}),
              ...(r.outcome === 'retained' && r.authority.trim() ? { authority: r.authority.trim() } : {}),
            })),
          },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                title: t('registryBelongings.return.saved'),
                message: '',
              });
              onClose();
            },
            onError: (e) => showServerErrors(form, e),
          },
        );
      }, focusFirstInvalid)}
    >
      <TextInput type="datetime-local" label={t('registryBelongings.return.at')} required {...input('at')} />
      {held.map((item, n) => {
        const row = form.values.items[n];
        const name = itemName(loose, item);
        return (
          <Paper key={item.id} withBorder p="sm" role="group" aria-label={name}>
            <Text size="sm" fw={600} mb={4}>
              {name}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t('registryBelongings.return.outcome')}
                aria-label={t('registryBelongings.return.outcomeOf', { name })}
                data={RETURN_OUTCOMES.map((o) => ({
                  value: o,
                  label: t(`registryBelongings.outcomes.${o}`),
                }))}
                {...input(`items.${n}.outcome`)}
              />
              {row && row.outcome !== 'returned' && (
                <TextInput
                  label={t('registryBelongings.return.reason')}
                  aria-label={t('registryBelongings.return.reasonOf', { name })}
                  required
                  maxLength={TEXT_MAX.purpose}
                  {...input(`items.${n}.reason`)}
                />
              )}
              {row?.outcome === 'retained' && (
                <TextInput
                  label={t('registryBelongings.return.authority')}
                  aria-label={t('registryBelongings.return.authorityOf', { name })}
                  required
                  maxLength={TEXT_MAX.name}
                  {...input(`items.${n}.authority`)}
                />
              )}
            </SimpleGrid>
          </Paper>
        );
      })}
    </FormModal>
  );
}
