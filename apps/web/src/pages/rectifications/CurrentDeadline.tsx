import type { Rectification } from '@gongshu/contracts';
import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../i18n/useT';
import { DeadlineStateTag } from '../deadlines/DeadlineStateTag';
import { useDeadlineBasis } from '../deadlines/DueDate';
import { ProvisionalTag } from '../deadlines/ProvisionalTag';
import { TimeLeft } from '../deadlines/TimeLeft';
import { weekdayOf } from '../shared/labels';

/** The step on the clock now: received and due days, time left, provisional mark and basis. */
export function CurrentDeadline({ order }: { readonly order: Rectification }) {
  const { t, pick, lang } = useI18n();
  const basisOf = useDeadlineBasis();
  const deadline = order.deadline;
  if (!deadline) {
    return (
      <Typography.Paragraph style={{ margin: 0 }}>
        {t(order.state === 'closed' ? 'rect.detail.noDeadlineClosed' : 'rect.detail.noDeadlineReported')}
      </Typography.Paragraph>
    );
  }
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="current-deadline"
      items={[
        { key: 'step', label: t('rect.detail.step'), children: pick(deadline.stepLabel) },
        { key: 'received', label: t('rect.detail.receivedOn'), children: deadline.receivedOn },
        {
          key: 'due',
          label: t('rect.detail.dueOn'),
          children: t('deadline.dueAtWeekday', { date: deadline.dueOn, weekday: weekdayOf(lang, deadline.dueOn) }),
        },
        {
          key: 'left',
          label: t('rect.detail.left'),
          children: (
            <span>
              <TimeLeft item={deadline} />
              {deadline.provisional ? <ProvisionalTag /> : null}
              <span style={{ marginInlineStart: 8 }}>
                <DeadlineStateTag state={deadline.state} />
              </span>
            </span>
          ),
        },
        { key: 'basis', label: t('rect.detail.basis'), children: basisOf(deadline), span: 2 },
      ]}
    />
  );
}
