import type { Notification } from '@gongshu/contracts';
import { safeNext } from '../auth/homePath';
import { EmptyText } from '../components/EmptyText';
import { useI18n } from '../i18n/useT';
import { formatDateTime, formatRelativeTime } from '../pages/shared/labels';

export interface NotificationListProps {
  /** Newest first, as the API gives them. */
  readonly items: readonly Notification[];
  /** Opens a notification: marks it read and follows its link. */
  readonly onOpen: (item: Notification) => void;
}

/**
 * One's notifications, newest first: title and body in the reader's language, the time relative to
 * now (exact on hover), unread ones emphasised (and announced as unread). Each is a link when it
 * has one of this site, a button otherwise.
 */
export function NotificationList({ items, onOpen }: NotificationListProps) {
  const { t, pick, lang } = useI18n();
  if (items.length === 0) return <EmptyText>{t('notifications.empty')}</EmptyText>;
  return (
    <ul className="gs-notifications" data-testid="notification-list">
      {items.map((item) => {
        const unread = item.readAt === null;
        const content = (
          <>
            <span className="gs-notification-title">
              {unread ? (
                <span className="gs-notification-dot" aria-hidden="true">
                  ●
                </span>
              ) : null}
              {unread ? <span className="gs-sr-only">{t('notifications.unread')}</span> : null}
              {pick(item.title)}
            </span>
            <span className="gs-notification-body">{pick(item.body)}</span>
            <time className="gs-notification-time" dateTime={item.createdAt} title={formatDateTime(lang, item.createdAt)}>
              {formatRelativeTime(lang, item.createdAt)}
            </time>
          </>
        );
        const className = `gs-notification${unread ? ' gs-notification-unread' : ''}`;
        // Only paths of this site become links (never another origin or a script URL).
        const to = safeNext(item.link);
        return (
          <li key={item.id}>
            {to ? (
              <a
                href={to}
                className={className}
                data-testid="notification-item"
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                  event.preventDefault();
                  onOpen(item);
                }}
              >
                {content}
              </a>
            ) : (
              <button type="button" className={className} data-testid="notification-item" onClick={() => onOpen(item)}>
                {content}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
