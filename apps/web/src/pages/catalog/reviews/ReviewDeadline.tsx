import type { CatalogVersion } from '@gongshu/contracts';
import { Descriptions, Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { DeadlineStateTag } from '../../deadlines/DeadlineStateTag';
import { useDeadlineBasis } from '../../deadlines/DueDate';
import { ProvisionalTag } from '../../deadlines/ProvisionalTag';
import { TimeLeft } from '../../deadlines/TimeLeft';
import { formatDateTime, weekdayOf } from '../../shared/labels';

/** The review step on the clock: step, received and due days, time left and its basis (R10.2, R10.3, R18.3). */
export function ReviewDeadline({ version }: { readonly version: CatalogVersion }) {
  const { t, pick, lang } = useI18n();
  const basisOf = useDeadlineBasis();
  const deadline = version.deadline;
  if (!deadline) return <Typography.Paragraph style={{ margin: 0 }}>{t('catalog.review.noDeadline')}</Typography.Paragraph>;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="review-deadline"
      items={[
        { key: 'step', label: t('rect.detail.step'), children: pick(deadline.stepLabel) },
        { key: 'submitted', label: t('catalog.version.submittedAt'), children: formatDateTime(lang, version.submittedAt) },
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
        { key: 'basis', label: t('rect.detail.basis'), children: basisOf(deadline) },
      ]}
    />
  );
}
