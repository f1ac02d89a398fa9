import { Timeline, Typography } from 'antd';
import type { ShareEvent } from '../../../api/sharing';
import { useI18n } from '../../../i18n/useT';
import { zh, type MessageKey } from '../../../i18n/zh';
import { formatDateTime } from '../../shared/labels';

const isKey = (key: string): key is MessageKey => key in zh;

const RED = ['rejected', 'closed', 'withdrawn'];
const GREEN = ['granted', 'answered'];

/** 办理过程: every event of the request, oldest first, with who acted, the state it moved to and the note. */
export function RequestTimeline({ events }: { readonly events: readonly ShareEvent[] }) {
  const { t, lang } = useI18n();
  const stateLabel = (state: string) => {
    const key = `share.state.${state}`;
    return isKey(key) ? t(key) : state;
  };
  const actionLabel = (action: string) => {
    const key = `share.event.${action}`;
    return isKey(key) ? t(key) : action;
  };
  return (
    <Timeline
      data-testid="request-timeline"
      items={events.map((event, index) => ({
        key: `${event.at}-${index}`,
        color: RED.includes(event.toState) ? 'red' : GREEN.includes(event.toState) ? 'green' : 'blue',
        content: (
          <div data-testid="request-event" data-action={event.action} data-to={event.toState}>
            <Typography.Text strong>{actionLabel(event.action)}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(lang, event.at)} ·{' '}
              {event.actorAgency ? t('share.event.actor', { name: event.actorLabel, agency: event.actorAgency }) : event.actorLabel}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {event.fromState
                ? t('share.event.move', { from: stateLabel(event.fromState), to: stateLabel(event.toState) })
                : t('share.event.to', { to: stateLabel(event.toState) })}
            </Typography.Text>
            {event.note ? (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Paragraph>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
