import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ConfirmModal } from '../components/ConfirmModal';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { Page } from '../components/Page';
import { zoneLabel } from '../components/time-zones';
import { TimeZoneSelect } from '../components/TimeZoneSelect';
import { useEndSession, useMe, useOwnSessions } from '../features/auth/auth.queries';
import { MfaEnrolment } from '../features/auth/MfaEnrolment';
import { PasswordChangeForm } from '../features/auth/PasswordChangeForm';
import { RecoveryCodesPanel } from '../features/auth/RecoveryCodesPanel';
import { useSetTimeZone } from '../features/profile/time-zone.queries';
import { useFormat } from '../hooks/useFormat';
import { browserTimeZone } from '../reader-time-zone';
import { useCountryName, useLocalized } from '../hooks/useLabels';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="xl" component="section" aria-labelledby={`${id}-title`} id={id}>
      <Title order={2} size="h4" id={`${id}-title`} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function AccountSection() {
  const { t } = useTranslation();
  const me = useMe();
  const countryName = useCountryName();
  const localized = useLocalized();
  const agency = me.agency
    ? `${localized(me.agency.name)}${me.agency.acronym ? ` (${me.agency.acronym})` : ''}`
    : t('common.none');

  const rows: [string, string][] = [
    [t('profile.name'), me.displayName],
    [t('profile.email'), me.email],
    [t('profile.role'), t(`roles.${me.role}`)],
    [t('profile.country'), countryName(me.countryCode)],
    [t('profile.agency'), agency],
    [t('profile.scope'), t(`scopes.${me.scope}`)],
  ];
  return (
    <Section id="account" title={t('profile.accountTitle')}>
      <dl className="definition-list">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}

function TimeZoneSection() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const format = useFormat();
  const setTimeZone = useSetTimeZone();
  const handleChange = (zone: string | null) =>
    setTimeZone.mutate(zone, {
      onSuccess: () =>
        notifications.show({
          color: 'green',
          title: t('profile.timeZoneSaved'),
          message: zoneLabel(zone ?? browserTimeZone(), i18n.language),
        }),
    });
  return (
    <Section id="time-zone" title={t('profile.timeZoneTitle')}>
      <Stack gap="sm" maw={560}>
        <Text size="sm">{t('profile.timeZoneIntro')}</Text>
        <TimeZoneSelect
          label={t('profile.timeZoneLabel')}
          country={me.countryCode}
          value={me.timeZone}
          clearable
          placeholder={t('profile.timeZoneBrowser', { zone: zoneLabel(browserTimeZone(), i18n.language) })}
          disabled={setTimeZone.isPending}
          onChange={handleChange}
        />
        {me.timeZone && (
          <Button
            variant="default"
            size="xs"
            style={{ alignSelf: 'flex-start' }}
            loading={setTimeZone.isPending}
            onClick={() => handleChange(null)}
          >
            {t('profile.timeZoneUseBrowser')}
          </Button>
        )}
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('profile.timeZoneNow', { time: format.dateTime(new Date().toISOString()) })}
        </Text>
        <ErrorAlert error={setTimeZone.error} />
      </Stack>
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  return (
    <Section id="password" title={t('profile.passwordTitle')}>
      <PasswordChangeForm
        submitLabel={t('profile.changePassword')}
        onChanged={() =>
          notifications.show({
            color: 'green',
            title: t('profile.passwordChanged'),
            message: t('profile.passwordChangedBody'),
          })
        }
      />
    </Section>
  );
}

function MfaSection() {
  const { t } = useTranslation();
  const me = useMe();
  const { hash } = useLocation();
  // Kept open until the recovery codes are dismissed, even once the account shows MFA as on.
  const [enrolling, setEnrolling] = useState(hash === '#mfa' && !me.mfaEnabled);
  useEffect(() => {
    if (hash === '#mfa') document.getElementById('mfa')?.scrollIntoView();
  }, [hash]);

  return (
    <Section id="mfa" title={t('profile.mfaTitle')}>
      <Stack gap="md">
        <Group gap="sm">
          <Text fw={600}>{t('profile.mfaStatus')}</Text>
          <Badge variant="dot" color={me.mfaEnabled ? 'green' : 'orange'} size="lg">
            {me.mfaEnabled ? t('profile.mfaOn') : t('profile.mfaOff')}
          </Badge>
        </Group>
        {me.mfaEnabled && !enrolling && (
          <>
            <Text size="sm">{t('profile.mfaOnBody')}</Text>
            <RecoveryCodesPanel />
          </>
        )}
        {!me.mfaEnabled && !enrolling && (
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('profile.mfaOffBody')}</Text>
            {/* A long label (French) wraps on a phone instead of leaving the card. */}
            <Button
              onClick={() => setEnrolling(true)}
              h="auto"
              mih={36}
              maw="100%"
              styles={{ label: { whiteSpace: 'normal' } }}
            >
              {t('profile.mfaSetUp')}
            </Button>
          </Stack>
        )}
        {enrolling && (
          <MfaEnrolment
            onFinished={() => {
              setEnrolling(false);
              notifications.show({
                color: 'green',
                title: t('profile.mfaEnabled'),
                message: t('profile.mfaOnBody'),
              });
            }}
          />
        )}
      </Stack>
    </Section>
  );
}

/** "Firefox · Windows" from a user-agent string; good enough to recognise one's own devices. */
function describeDevice(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser =
    [
      ['Edg/', 'Edge'],
      ['OPR/', 'Opera'],
      ['Firefox/', 'Firefox'],
      ['Chrome/', 'Chrome'],
      ['Chromium/', 'Chromium'],
      ['Safari/', 'Safari'],
    ].find(([token]) => token && userAgent.includes(token))?.[1] ?? null;
  const os =
    [
      ['Android', 'Android'],
      ['iPhone', 'iOS'],
      ['iPad', 'iPadOS'],
      ['Windows', 'Windows'],
      ['Mac OS X', 'macOS'],
      ['CrOS', 'ChromeOS'],
      ['Linux', 'Linux'],
    ].find(([token]) => token && userAgent.includes(token))?.[1] ?? null;
  if (!browser && !os) return userAgent.slice(0, 60);
  return [browser, os].filter(Boolean).join(' · ');
}

type OwnSession = NonNullable<ReturnType<typeof useOwnSessions>['data']>[number];

const SESSIONS: ListConfig<'device' | 'address' | 'createdAt' | 'lastSeenAt'> = {
  sorts: ['device', 'address', 'createdAt', 'lastSeenAt'],
  defaultSort: 'lastSeenAt',
  defaultDir: 'desc',
};

function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useOwnSessions();
  const endSession = useEndSession();
  const [ending, setEnding] = useState<{ id: string; device: string } | null>(null);
  const list = useListState(SESSIONS, { inUrl: false });
  const device = (s: OwnSession) => describeDevice(s.userAgent) ?? t('profile.unknownDevice');
  const columns: DataColumn<OwnSession>[] = [
    {
      id: 'device',
      header: t('profile.device'),
      sortable: true,
      required: true,
      primary: true,
      value: device,
      cell: (s) => (
        <Text size="sm" fw={500} title={s.userAgent ?? undefined}>
          {device(s)}
        </Text>
      ),
    },
    {
      id: 'address',
      header: t('profile.address'),
      sortable: true,
      value: (s) => s.ip,
      cell: (s) => s.ip ?? '—',
    },
    {
      id: 'createdAt',
      header: t('profile.started'),
      sortable: true,
      nowrap: true,
      value: (s) => s.createdAt,
      cell: (s) => format.dateTime(s.createdAt),
    },
    {
      id: 'lastSeenAt',
      header: t('profile.lastSeen'),
      sortable: true,
      nowrap: true,
      value: (s) => s.lastSeenAt,
      cell: (s) => format.dateTime(s.lastSeenAt),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      required: true,
      cell: (s) =>
        s.current ? (
          <Badge variant="light" color="green" c="green.9">
            {t('profile.currentSession')}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              endSession.reset();
              setEnding({ id: s.id, device: device(s) });
            }}
            aria-label={t('profile.endSessionLabel', {
              device: device(s),
              date: format.dateTime(s.createdAt),
            })}
          >
            {t('profile.endSession')}
          </Button>
        ),
    },
  ];

  const handleConfirm = () => {
    if (!ending) return;
    endSession.mutate(ending.id, {
      onSuccess: () => {
        setEnding(null);
        notifications.show({ color: 'green', title: t('profile.sessionEnded'), message: ending.device });
      },
    });
  };

  return (
    <Section id="sessions" title={t('profile.sessionsTitle')}>
      <Text size="sm" c="dimmed" mb="md">
        {t('profile.sessionsIntro')}
      </Text>
      <DataTable
        id="own-sessions"
        label={t('profile.sessionsTitle')}
        columns={columns}
        rows={sessions.data}
        rowKey={(s) => s.id}
        list={list}
        mode="client"
        loading={sessions.isPending}
        error={sessions.error}
        emptyMessage={t('list.none')}
      />
      <ConfirmModal
        opened={ending !== null}
        title={t('profile.endSessionTitle')}
        confirmLabel={t('profile.endSession')}
        danger
        loading={endSession.isPending}
        error={endSession.error}
        onConfirm={handleConfirm}
        onClose={() => setEnding(null)}
      >
        {t('profile.endSessionConfirm', { device: ending?.device ?? '' })}
      </ConfirmModal>
    </Section>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('profile.title')}>
      <Stack gap="lg" maw={960}>
        <AccountSection />
        <MfaSection />
        <TimeZoneSection />
        <PasswordSection />
        <SessionsSection />
      </Stack>
    </Page>
  );
}
