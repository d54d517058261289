import { CRISIS_LEVELS, type Crisis, TEXT_MAX } from '@enlace/shared';
import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { focusFirstInvalid } from '../../../hooks/useFieldError';
import { useCountryName } from '../../../hooks/useLabels';
import { useLooseT } from '../../../hooks/useLooseT';
import { type CodesDraft, codesErrors, codesOf, EMPTY_CODES } from '../../handling/handling-codes';
import { HandlingCodesField } from '../../handling/HandlingCodesField';
import { useDeclareLevel, useLiftLevel, useOpenAlert } from './crisis.queries';

function ReasonField({
  label,
  value,
  onChange,
  error,
  max = TEXT_MAX.purpose,
  required = true,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: ReactNode;
  max?: number;
  required?: boolean;
  hint?: string;
}) {
  return (
    <Textarea
      label={label}
      description={hint}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      maxLength={max}
      autosize
      minRows={3}
      error={error}
      withAsterisk={required}
    />
  );
}

/** A supervisor declares a level with a reason; it holds until lifted. */
export function DeclareModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const declare = useDeclareLevel();
  const [level, setLevel] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ level?: string; reason?: string }>({});
  const close = () => {
    setLevel('');
    setReason('');
    setErrors({});
    declare.reset();
    onClose();
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!level) next.level = t('registryCrisis.declare.chooseLevel');
    if (!reason.trim()) next.reason = t('validation.required');
    setErrors(next);
    if (Object.keys(next).length) {
      focusFirstInvalid();
      return;
    }
    const chosen = Number(level) as (typeof CRISIS_LEVELS)[number];
    declare.mutate(
      { level: chosen, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: t('registryCrisis.declare.done', { level: chosen }),
          });
          close();
        },
      },
    );
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('registryCrisis.declare.title')}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('registryCrisis.declare.hint')}</Text>
          <NativeSelect
            label={t('registryCrisis.declare.level')}
            value={level}
            onChange={(e) => setLevel(e.currentTarget.value)}
            error={errors.level}
            withAsterisk
            data={[
              { value: '', label: '—' },
              ...CRISIS_LEVELS.map((l) => ({
                value: String(l),
                label: `${t('registryCrisis.levelOf', { level: l })} — ${t(`registryCrisis.names.${l}` as never)}`,
              })),
            ]}
          />
          <ReasonField
            label={t('registryCrisis.declare.reason')}
            hint={t('registryCrisis.declare.reasonHint')}
            value={reason}
            onChange={setReason}
            error={errors.reason}
          />
          <ErrorAlert error={declare.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={declare.isPending}>
              {t('registryCrisis.declare.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Lifts the declared level, with a reason. */
export function LiftModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lift = useLiftLevel();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setReason('');
    setError(undefined);
    lift.reset();
    onClose();
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('validation.required'));
      focusFirstInvalid();
      return;
    }
    lift.mutate(
      { reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('registryCrisis.lift.done') });
          close();
        },
      },
    );
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('registryCrisis.lift.title')}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('registryCrisis.lift.hint')}</Text>
          <ReasonField
            label={t('registryCrisis.declare.reason')}
            value={reason}
            onChange={setReason}
            error={error}
          />
          <ErrorAlert error={lift.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={lift.isPending}>
              {t('registryCrisis.lift.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type AlertField = 'countryCode' | 'note' | keyof CodesDraft;

/** At level 3 or 4: an urgent exchange thread with another country's focal points. */
export function AlertModal({
  crisis,
  opened,
  onClose,
}: {
  crisis: Crisis;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const looseT = useLooseT();
  const countryName = useCountryName();
  const open = useOpenAlert();
  const [country, setCountry] = useState('');
  const [note, setNote] = useState('');
  const [codes, setCodes] = useState<CodesDraft>(EMPTY_CODES);
  const [errors, setErrors] = useState<Partial<Record<AlertField, ReactNode>>>({});
  const close = () => {
    setCountry('');
    setNote('');
    setCodes(EMPTY_CODES);
    setErrors({});
    open.reset();
    onClose();
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Partial<Record<AlertField, ReactNode>> = {};
    if (!country) next.countryCode = t('registryCrisis.alert.chooseCountry');
    for (const [k, key] of Object.entries(codesErrors(codes))) next[k as AlertField] = looseT(key);
    setErrors(next);
    const chosen = codesOf(codes);
    if (Object.keys(next).length || !chosen) {
      focusFirstInvalid();
      return;
    }
    open.mutate(
      { countryCode: country, codes: chosen, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (alert) => {
          // The toast lives outside the router: the history row links to the thread.
          notifications.show({
            color: 'green',
            message: t('registryCrisis.alert.done', { reference: alert.reference, count: alert.recipients }),
          });
          close();
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          const fromServer: Partial<Record<AlertField, ReactNode>> = {};
          for (const f of error.fieldErrors) {
            if (f.path === 'countryCode' || f.path === 'note') fromServer[f.path] = f.message;
            else if (f.path.startsWith('codes.')) fromServer[f.path.slice(6) as keyof CodesDraft] = f.message;
          }
          setErrors(fromServer);
        },
      },
    );
  };
  const countries = crisis.alertCountries
    .map((code) => ({ value: code, label: countryName(code) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={t('registryCrisis.alert.title')}
      size="lg"
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('registryCrisis.alert.hint')}</Text>
          <NativeSelect
            label={t('registryCrisis.alert.country')}
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
            error={errors.countryCode}
            withAsterisk
            data={[{ value: '', label: '—' }, ...countries]}
          />
          <HandlingCodesField idPrefix="crisis-alert" value={codes} onChange={setCodes} errors={errors} />
          <ReasonField
            label={t('registryCrisis.alert.note')}
            value={note}
            onChange={setNote}
            error={errors.note}
            max={TEXT_MAX.note}
            required={false}
          />
          {open.error && !(isApiError(open.error) && open.error.fieldErrors.length) ? (
            <ErrorAlert error={open.error} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={open.isPending}>
              {t('registryCrisis.alert.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
