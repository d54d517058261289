import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../features/notifications/notifications.queries';
import { useFormat } from '../hooks/useFormat';
import { BellIcon } from './Icons';

/** The header's bell: the unread count, and the way to the list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = useUnreadCount().data?.unread ?? 0;
  const label = t('notifications.bell', { count: unread });
  return (
    <Tooltip label={label} withArrow>
      <Indicator
        disabled={unread === 0}
        label={unread > 99 ? '99+' : format.number(unread)}
        size={18}
        offset={4}
        color="red"
      >
        <ActionIcon component={Link} to="/notifications" variant="subtle" size="lg" aria-label={label}>
          <BellIcon size={20} />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
