import type { Notification } from '@gongshu/contracts';
import { Badge, Button, Drawer, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../api/notifications';
import { safeNext } from '../auth/homePath';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoading } from '../components/PageLoading';
import { useT } from '../i18n/useT';
import { NotificationList } from './NotificationList';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="currentColor">
      <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
    </svg>
  );
}

/**
 * The header's bell: the unread count (polled every minute and on returning to the tab), and a
 * drawer listing the notifications. Opening one marks it read and follows its link.
 */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const [open, setOpen] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bell', { count: unread }) : t('notifications.bellNone');

  const openItem = (item: Notification) => {
    if (item.readAt === null) markRead.mutate(item.id);
    setOpen(false);
    const to = safeNext(item.link);
    if (to) void navigate(to);
  };

  return (
    <>
      <Button
        type="text"
        className="gs-header-button gs-bell"
        aria-label={label}
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="notification-bell"
        data-unread={unread}
        onClick={() => {
          setOpen(true);
          void notifications.refetch();
        }}
      >
        <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]}>
          <span className="gs-bell-icon">
            <BellIcon />
          </span>
        </Badge>
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={420}
        title={t('notifications.heading')}
        data-testid="notification-drawer"
        extra={
          <Button
            size="small"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notification-mark-all"
          >
            {t('notifications.markAll')}
          </Button>
        }
      >
        {notifications.isError ? (
          <ErrorAlert error={notifications.error} onRetry={() => void notifications.refetch()} />
        ) : !notifications.data ? (
          <PageLoading />
        ) : (
          <>
            <Typography.Paragraph type="secondary" aria-live="polite">
              {unread > 0 ? t('notifications.unreadCount', { count: unread }) : t('notifications.allRead')}
            </Typography.Paragraph>
            <NotificationList items={notifications.data.items} onOpen={openItem} />
          </>
        )}
      </Drawer>
    </>
  );
}
