import { CENTRE_UNITS, CUSTODY_TYPES, type CentreUnit, type RegistryShare, TEXT_MAX } from '@enlace/shared';
import {
  Badge,
  Button,
  Group,
  List,
  Modal,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ConfirmModal } from '../../components/ConfirmModal';
import { type DataColumn, DataTable, useListState } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { SectionNav } from '../../components/SectionNav';
import { isoToLocalInput, localInputToIso } from '../../features/cases/money';
import {
  useAcceptShare,
  useDeclineShare,
  useRegistryCentres,
  useRegistryPerson,
  useRegistryShares,
  useRevokePersonShare,
} from '../../features/registry/shares/shares.queries';
import { focusFirstInvalid, showServerErrors, useFieldError, validators } from '../../hooks/useFieldError';
import { useFormat } from '../../hooks/useFormat';
import { useCountryName } from '../../hooks/useLabels';

type Box = 'incoming' | 'outgoing';

const STATUS_COLOR = {
  offered: 'orange.9',
  accepted: 'green.9',
  declined: 'red.9',
  revoked: 'gray.7',
} as const;

/**
 * Registry persons shared across borders: what other countries share with mine (transfer offers
 * to accept into one of our centres or decline, and accepted shares to open), and what mine
 * shares with others (to revoke).
 */
export function SharesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'outgoing' ? 'outgoing' : 'incoming';
  const incoming = useRegistryShares('incoming');
  const offers = (incoming.data?.items ?? []).filter((s) => s.status === 'offered').length;
  return (
    <Page title={t('registryShares.title')} description={t('registryShares.intro')}>
      <SectionNav group="registry" />
      <Tabs
        value={box}
        onChange={(v) => setParams(v === 'outgoing' ? { box: 'outgoing' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="incoming">
            {t('registryShares.incoming')}
            {offers > 0 && (
              <Badge
                size="sm"
                ml={6}
                color="red.8"
                variant="filled"
                aria-label={t('registryShares.offersCount', { count: offers })}
              >
                {offers}
              </Badge>
            )}
          </Tabs.Tab>
          <Tabs.Tab value="outgoing">{t('registryShares.outgoing')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="incoming" pt="md">
          <ShareList box="incoming" />
        </Tabs.Panel>
        <Tabs.Panel value="outgoing" pt="md">
          <ShareList box="outgoing" />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

type Dialog = { kind: 'open' | 'accept' | 'decline' | 'revoke'; share: RegistryShare } | null;

/** A birth date as much as it is known: a day, a month or a year. */
function birthDateText(format: ReturnType<typeof useFormat>, value: string): string {
  if (value.length === 10) return format.day(value);
  if (value.length === 7) return format.month(value);
  return value;
}

function personName(s: RegistryShare): string | null {
  return s.person ? `${s.person.givenNames} ${s.person.familyNames}` : null;
}

function ShareList({ box }: { box: Box }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const shares = useRegistryShares(box);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useListState(
    { sorts: ['offeredAt', 'person'], defaultSort: 'offeredAt', defaultDir: 'desc', defaultLimit: 25 },
    { inUrl: false },
  );
  const columns: DataColumn<RegistryShare>[] = [
    {
      id: 'person',
      header: t('registryShares.columns.person'),
      primary: true,
      required: true,
      rowHeader: true,
      sortable: true,
      value: (s) => personName(s) ?? '',
      cell: (s) =>
        s.person ? (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {personName(s)}
            </Text>
            <Text size="xs" c="dimmed">
              {[
                t(`registryShares.sexes.${s.person.sex}`),
                s.person.birthDate ? birthDateText(format, s.person.birthDate) : t('common.notStated'),
                countryName(s.person.nationality),
              ].join(' · ')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('registryShares.personWithdrawn')}
          </Text>
        ),
    },
    {
      id: 'country',
      header: box === 'incoming' ? t('registryShares.columns.from') : t('registryShares.columns.to'),
      value: (s) => (box === 'incoming' ? s.ownerCountry : s.sharedWith),
      cell: (s) => countryName(box === 'incoming' ? s.ownerCountry : s.sharedWith),
    },
    {
      id: 'purpose',
      header: t('registryShares.columns.purpose'),
      cell: (s) => (
        <Stack gap={2}>
          <Text size="sm">{s.purpose ? t(`registryShares.purposes.${s.purpose}`) : '—'}</Text>
          {s.note && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {s.note}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'what',
      header: t('registryShares.columns.what'),
      cell: (s) => (
        <Stack gap={2}>
          <Text size="xs">
            {[t('registryShares.identityCore'), ...s.fields.map((f) => t(`registryShares.fields.${f}`))].join(
              ', ',
            )}
          </Text>
          {s.stays.map((stay) => (
            <Text key={stay.id} size="xs" c="dimmed">
              {t('registryShares.stayLine', {
                centre: stay.centreName,
                admitted: format.dateTime(stay.admittedAt),
                status: t(`registryShares.stayStatus.${stay.status}`),
              })}
              {stay.attentionKinds && stay.attentionKinds.length > 0
                ? ` · ${t('registryShares.attention', { kinds: stay.attentionKinds.map((k) => t(`registryShares.attentionKinds.${k}`)).join(', ') })}`
                : ''}
            </Text>
          ))}
        </Stack>
      ),
    },
    {
      id: 'offeredAt',
      header: t('registryShares.columns.sharedAt'),
      sortable: true,
      nowrap: true,
      value: (s) => s.offeredAt,
      cell: (s) => <span className="tabular">{format.dateTime(s.offeredAt)}</span>,
    },
    {
      id: 'status',
      header: t('registryShares.columns.status'),
      cell: (s) => (
        <Stack gap={2}>
          <Group gap={4} wrap="wrap">
            <Badge
              variant="outline"
              color={STATUS_COLOR[s.status]}
              classNames={{ label: 'badge-label-whole' }}
            >
              {t(`registryShares.statuses.${s.status}`)}
            </Badge>
            {s.transfer && (
              <Badge variant="outline" color="blue.9" classNames={{ label: 'badge-label-whole' }}>
                {t('registryShares.transfer')}
              </Badge>
            )}
          </Group>
          {s.decisionNote && (
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              {t('registryShares.decisionNote', { note: s.decisionNote })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'actions',
      header: t('common.actions'),
      headerHidden: true,
      required: true,
      cell: (s) => {
        const who = personName(s) ?? '';
        return (
          <Group gap="xs" wrap="wrap">
            {box === 'incoming' && s.status === 'accepted' && (
              <Button
                size="xs"
                variant="default"
                aria-label={t('registryShares.openNamed', { name: who })}
                onClick={() => setDialog({ kind: 'open', share: s })}
              >
                {t('registryShares.open')}
              </Button>
            )}
            {s.abilities.accept && (
              <Button
                size="xs"
                aria-label={t('registryShares.acceptNamed', { name: who })}
                onClick={() => setDialog({ kind: 'accept', share: s })}
              >
                {t('registryShares.accept')}
              </Button>
            )}
            {s.abilities.decline && (
              <Button
                size="xs"
                variant="default"
                aria-label={t('registryShares.declineNamed', { name: who })}
                onClick={() => setDialog({ kind: 'decline', share: s })}
              >
                {t('registryShares.decline')}
              </Button>
            )}
            {s.abilities.revoke && (
              <Button
                size="xs"
                variant="default"
                color="red.8"
                aria-label={t('registryShares.revokeNamed', { name: who })}
                onClick={() => setDialog({ kind: 'revoke', share: s })}
              >
                {s.status === 'offered' ? t('registryShares.withdraw') : t('registryShares.revoke')}
              </Button>
            )}
          </Group>
        );
      },
    },
  ];
  const close = () => setDialog(null);
  return (
    <>
      <DataTable
        id={`registry-shares-${box}`}
        label={box === 'incoming' ? t('registryShares.incoming') : t('registryShares.outgoing')}
        columns={columns}
        rows={shares.data?.items}
        rowKey={(s) => s.id}
        list={list}
        mode="client"
        loading={shares.isPending}
        error={shares.error}
        search={{ label: t('registryShares.search'), searchText: (s) => personName(s) ?? '' }}
        emptyMessage={
          box === 'incoming' ? t('registryShares.emptyIncoming') : t('registryShares.emptyOutgoing')
        }
      />
      {dialog?.kind === 'open' && <SharedPersonModal share={dialog.share} onClose={close} />}
      {dialog?.kind === 'accept' && <AcceptModal share={dialog.share} onClose={close} />}
      {dialog?.kind === 'decline' && <DeclineModal share={dialog.share} onClose={close} />}
      {dialog?.kind === 'revoke' && <RevokeModal share={dialog.share} onClose={close} />}
    </>
  );
}

/** The person as my country may read them by the share: what it carries, nothing more. */
function SharedPersonModal({ share, onClose }: { share: RegistryShare; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const countryName = useCountryName();
  const person = useRegistryPerson(share.objectId);
  const p = person.data;
  const rows: [string, string][] = p
    ? [
        [t('registryShares.person.names'), `${p.givenNames} ${p.familyNames}`],
        [t('registryShares.person.sex'), t(`registryShares.sexes.${p.sex}`)],
        [
          t('registryShares.person.birthDate'),
          p.birthDate ? birthDateText(format, p.birthDate) : t('common.notStated'),
        ],
        [t('registryShares.person.nationality'), countryName(p.nationality)],
        [t('registryShares.person.owner'), countryName(p.countryCode)],
        ...(p.sharedWithMe?.fields.includes('document')
          ? ([
              [
                t('registryShares.person.documentNames'),
                [p.documentGivenNames, p.documentFamilyNames].filter(Boolean).join(' ') || t('common.none'),
              ],
              [t('registryShares.person.document'), p.documentNumber ?? t('common.none')],
            ] as [string, string][])
          : []),
        ...(p.sharedWithMe?.fields.includes('aliases')
          ? ([[t('registryShares.person.aliases'), p.aliases.join(', ') || t('common.none')]] as [
              string,
              string,
            ][])
          : []),
        ...(p.sharedWithMe?.fields.includes('other_nationalities')
          ? ([
              [
                t('registryShares.person.otherNationalities'),
                p.otherNationalities.map(countryName).join(', ') || t('common.none'),
              ],
            ] as [string, string][])
          : []),
        ...(p.sharedWithMe?.fields.includes('languages')
          ? ([[t('registryShares.person.languages'), p.languages.join(', ') || t('common.none')]] as [
              string,
              string,
            ][])
          : []),
      ]
    : [];
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('registryShares.person.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <ErrorAlert error={person.error} />
        {person.isPending ? (
          <Skeleton h={120} />
        ) : (
          p && (
            <>
              <dl className="share-person">
                {rows.map(([label, value]) => (
                  <Group key={label} gap="xs" wrap="nowrap" align="baseline">
                    <Text component="dt" size="sm" fw={600} miw={180}>
                      {label}
                    </Text>
                    <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                      {value}
                    </Text>
                  </Group>
                ))}
              </dl>
              <Stack gap={4} component="section" aria-labelledby="shared-stays">
                <Text size="sm" fw={600} id="shared-stays">
                  {t('registryShares.person.stays')}
                </Text>
                {p.stays.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('registryShares.person.noStays')}
                  </Text>
                ) : (
                  <List size="sm">
                    {p.stays.map((s) => (
                      <List.Item key={s.id}>
                        {t('registryShares.stayLine', {
                          centre: s.centreName,
                          admitted: format.dateTime(s.admittedAt),
                          status: t(`registryShares.stayStatus.${s.status}`),
                        })}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
              <Text size="xs" c="dimmed">
                {t('registryShares.person.readAudited')}
              </Text>
            </>
          )
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

interface AcceptValues {
  centreId: string;
  unit: string;
  custodyType: string;
  admittedAt: string;
  referringAuthority: string;
  note: string;
}

/** Admits the person of a transfer offer into one of my country's centres. */
function AcceptModal({ share, onClose }: { share: RegistryShare; onClose: () => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const centres = useRegistryCentres();
  const accept = useAcceptShare();
  const form = useForm<AcceptValues>({
    initialValues: {
      centreId: '',
      unit: '',
      custodyType: '',
      admittedAt: isoToLocalInput(new Date().toISOString()).slice(0, 16),
      referringAuthority: '',
      note: '',
    },
    validate: {
      centreId: validators.required,
      unit: validators.required,
      custodyType: validators.required,
      admittedAt: validators.required,
    },
  });
  const input = (path: keyof AcceptValues) => {
    const props = form.getInputProps(path);
    return { ...props, error: fieldError(props.error) };
  };
  const centre = centres.data?.items.find((c) => c.id === form.values.centreId);
  const units = CENTRE_UNITS.filter((u) => !centre || centre.capacity[u] > 0);
  const labels: Record<string, string> = {
    centreId: t('registryShares.acceptForm.centre'),
    unit: t('registryShares.acceptForm.unit'),
    custodyType: t('registryShares.acceptForm.custodyType'),
    admittedAt: t('registryShares.acceptForm.admittedAt'),
    referringAuthority: t('registryShares.acceptForm.referringAuthority'),
    note: t('registryShares.acceptForm.note'),
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('registryShares.acceptForm.title', { name: personName(share) ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(
          (v) =>
            accept.mutate(
              {
                id: share.id,
                body: {
                  centreId: v.centreId,
                  unit: v.unit as CentreUnit,
                  custodyType: v.custodyType as (typeof CUSTODY_TYPES)[number],
                  admittedAt: localInputToIso(v.admittedAt),
                  referringAuthority: v.referringAuthority.trim() || undefined,
                  note: v.note.trim() || undefined,
                },
              },
              {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('registryShares.acceptForm.done') });
                  onClose();
                },
                onError: (e) => showServerErrors(form, e),
              },
            ),
          focusFirstInvalid,
        )}
      >
        <Stack gap="sm">
          <ErrorAlert error={accept.error} fieldLabels={labels} />
          <Text size="sm">{t('registryShares.acceptForm.explain')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={labels.centreId}
              required
              data={[
                { value: '', label: t('common.choose') },
                ...(centres.data?.items ?? [])
                  .filter((c) => c.status !== 'closed')
                  .map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` })),
              ]}
              {...input('centreId')}
            />
            <NativeSelect
              label={labels.unit}
              required
              data={[
                { value: '', label: t('common.choose') },
                ...units.map((u) => ({ value: u, label: t(`registryShares.units.${u}`) })),
              ]}
              {...input('unit')}
            />
            <NativeSelect
              label={labels.custodyType}
              required
              data={[
                { value: '', label: t('common.choose') },
                ...CUSTODY_TYPES.map((c) => ({ value: c, label: t(`registryShares.custodyTypes.${c}`) })),
              ]}
              {...input('custodyType')}
            />
            <TextInput
              type="datetime-local"
              label={labels.admittedAt}
              description={t('registryShares.acceptForm.localTimeHint')}
              required
              {...input('admittedAt')}
            />
          </SimpleGrid>
          <TextInput
            label={labels.referringAuthority}
            description={t('registryShares.acceptForm.referringHint')}
            maxLength={TEXT_MAX.title}
            {...input('referringAuthority')}
          />
          <Textarea
            label={labels.note}
            maxLength={TEXT_MAX.purpose}
            autosize
            minRows={2}
            {...input('note')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={accept.isPending}>
              {t('registryShares.acceptForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function DeclineModal({ share, onClose }: { share: RegistryShare; onClose: () => void }) {
  const { t } = useTranslation();
  const decline = useDeclineShare();
  const [note, setNote] = useState('');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('registryShares.declineForm.title', { name: personName(share) ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('registryShares.declineForm.explain')}</Text>
        <Textarea
          label={t('registryShares.declineForm.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={TEXT_MAX.purpose}
          autosize
          minRows={2}
        />
        <ErrorAlert error={decline.error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red.8"
            loading={decline.isPending}
            onClick={() =>
              decline.mutate(
                { id: share.id, body: { note: note.trim() || undefined } },
                {
                  onSuccess: () => {
                    notifications.show({ color: 'green', message: t('registryShares.declineForm.done') });
                    onClose();
                  },
                },
              )
            }
          >
            {t('registryShares.decline')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RevokeModal({ share, onClose }: { share: RegistryShare; onClose: () => void }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const revoke = useRevokePersonShare();
  const offered = share.status === 'offered';
  return (
    <ConfirmModal
      opened
      danger
      title={offered ? t('registryShares.withdrawTitle') : t('registryShares.revokeTitle')}
      confirmLabel={offered ? t('registryShares.withdraw') : t('registryShares.revoke')}
      loading={revoke.isPending}
      error={revoke.error}
      onClose={onClose}
      onConfirm={() =>
        revoke.mutate(
          { personId: share.objectId, shareId: share.id },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('registryShares.revoked') });
              onClose();
            },
          },
        )
      }
    >
      {t('registryShares.revokeExplain', {
        name: personName(share) ?? '',
        country: countryName(share.sharedWith),
      })}
    </ConfirmModal>
  );
}
