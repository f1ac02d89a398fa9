import type { Rectification } from '@gongshu/contracts';
import { Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { timelineOf, type TimelineEvent } from './timeline';

const COLOR: Record<TimelineEvent['kind'], string> = {
  issued: 'blue',
  returnedEarlier: 'red',
  reported: 'blue',
  returned: 'red',
  closed: 'green',
  awaitReport: 'gray',
  awaitReview: 'gray',
};

/** 办理过程: issued → reported → closed or returned (with rounds), and what is awaited now. */
export function RectificationTimeline({ order }: { readonly order: Rectification }) {
  const { t, lang } = useI18n();

  const entry = (title: string, at: string | null, label?: string, text?: string | null): ReactNode => (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      {at ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {formatDateTime(lang, at)}
        </Typography.Text>
      ) : null}
      {text ? (
        <>
          {label ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
              {label}
            </Typography.Text>
          ) : null}
          <Typography.Paragraph style={{ margin: label ? 0 : '4px 0 0', whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
        </>
      ) : null}
    </div>
  );

  const contentOf = (event: TimelineEvent): ReactNode => {
    switch (event.kind) {
      case 'issued':
        return entry(
          t('rect.tl.issued'),
          event.at,
          undefined,
          t('rect.tl.issuedBody', { by: order.issuedBy, days: order.termWorkingDays, requirement: order.requirement }),
        );
      case 'returnedEarlier':
        return entry(t('rect.tl.returnedEarlier', { count: event.count }), null);
      case 'reported':
        return entry(t('rect.tl.reported'), event.at, t('rect.report.label'), event.report);
      case 'returned':
        return entry(t('rect.tl.returned', { round: event.round }), event.at, t('rect.review.label'), event.comment);
      case 'closed':
        return entry(t('rect.tl.closed'), event.at, t('rect.review.label'), event.comment);
      case 'awaitReport':
        if (!event.dueOn) return entry(t('rect.state.open'), null);
        return entry(t(event.overdue ? 'rect.tl.awaitReportOverdue' : 'rect.tl.awaitReport', { date: event.dueOn }), null);
      case 'awaitReview':
        return entry(t('rect.tl.awaitReview'), null);
    }
  };

  return (
    <Timeline
      data-testid="rectification-timeline"
      items={timelineOf(order).map((event, index) => ({
        key: `${event.kind}-${index}`,
        color: event.kind === 'awaitReport' && event.overdue ? 'red' : COLOR[event.kind],
        content: contentOf(event),
      }))}
    />
  );
}
