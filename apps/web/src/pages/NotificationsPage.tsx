import type { Notification } from '@enlace/shared';
import { Anchor, Badge, Button, Checkbox, Group, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DataColumn, DataTable, type ListConfig, useListState } from '../components/DataTable';
import { Page } from '../components/Page';
import {
  notificationHref,
  useMarkAllRead,
  useMarkRead,
  useNotificationPreferences,
  useNotifications,
  useSetNotificationPreferences,
} from '../features/notifications/notifications.queries';
import { useFormat } from '../hooks/useFormat';

const LIST: ListConfig<'createdAt', 'unread'> = {
  sorts: ['createdAt'],
  defaultSort: 'createdAt',
  defaultDir: 'desc',
  defaultLimit: 25,
  filters: ['unread'],
};

/** The user's notifications: what happened, when, a link to the object; read or not. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useListState(LIST);
  const unreadOnly = list.state.filters.unread === '1';
  const params = new URLSearchParams({
    sort: list.state.sort,
    dir: list.state.dir,
    limit: String(list.state.limit),
    offset: String(list.state.offset),
    ...(unreadOnly ? { unread: '1' } : {}),
  });
  const page = useNotifications(params);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const prefs = useNotificationPreferences();
  const setPrefs = useSetNotificationPreferences();
  // The words of a kind live with the server's messages (packages/shared/locales).
  // A handling action is a code in the params ('forward'); its words are the reader's.
  const words = (n: Notification) =>
    t(`api:notifications.kinds.${n.kind}` as never, {
      ...n.params,
      ...(typeof n.params.action === 'string'
        ? { action: t(`api:handling.actions.${n.params.action}` as never) }
        : {}),
    });

  const columns: DataColumn<Notification>[] = [
    {
      id: 'createdAt',
      header: t('notifications.when'),
      sortable: true,
      nowrap: true,
      cell: (n) => <span className="tabular">{format.dateTime(n.createdAt)}</span>,
    },
    {
      id: 'what',
      header: t('notifications.what'),
      primary: true,
      required: true,
      cell: (n) => {
        const href = notificationHref(n);
        return (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {!n.readAt && (
              <Badge size="xs" color="red" variant="filled" style={{ flexShrink: 0 }}>
                {t('notifications.new')}
              </Badge>
            )}
            {href ? (
              <Anchor
                component={Link}
                to={href}
                size="sm"
                fw={n.readAt ? 400 : 600}
                onClick={() => !n.readAt && markRead.mutate(n.id)}
              >
                {words(n)}
              </Anchor>
            ) : (
              <Text size="sm" fw={n.readAt ? 400 : 600}>
                {words(n)}
              </Text>
            )}
          </Group>
        );
      },
    },
    {
      id: 'read',
      header: t('notifications.status'),
      nowrap: true,
      cell: (n) =>
        n.readAt ? (
          <Text size="sm" c="dimmed">
            {t('notifications.readOn', { when: format.dateTime(n.readAt) })}
          </Text>
        ) : (
          <Button
            size="compact-sm"
            variant="default"
            loading={markRead.isPending && markRead.variables === n.id}
            onClick={() => markRead.mutate(n.id)}
          >
            {t('notifications.markRead')}
          </Button>
        ),
    },
  ];

  const unread = page.data?.unread ?? 0;
  return (
    <Page
      title={t('notifications.title')}
      description={t('notifications.intro')}
      actions={
        <Button
          variant="default"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <DataTable
        id="notifications"
        label={t('notifications.title')}
        columns={columns}
        rows={page.data?.items}
        total={page.data?.total}
        totalCapped={page.data?.totalCapped}
        rowKey={(n) => n.id}
        list={list}
        mode="server"
        loading={page.isPending}
        fetching={page.isFetching}
        error={page.error}
        emptyMessage={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
        columnChoice={false}
        toolbar={
          <Checkbox
            label={t('notifications.unreadOnly', { count: unread })}
            checked={unreadOnly}
            onChange={(e) => list.setFilter('unread', e.currentTarget.checked ? '1' : '')}
          />
        }
      />
      <Stack gap={4}>
        <Switch
          label={t('notifications.emailSwitch')}
          description={
            prefs.data && !prefs.data.emailAvailable
              ? t('notifications.emailUnavailable')
              : t('notifications.emailHint')
          }
          checked={prefs.data?.email ?? false}
          disabled={!prefs.data?.emailAvailable || setPrefs.isPending}
          onChange={(e) => setPrefs.mutate({ email: e.currentTarget.checked })}
        />
      </Stack>
    </Page>
  );
}
