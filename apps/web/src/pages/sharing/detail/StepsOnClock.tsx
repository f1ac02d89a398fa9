import type { PendingItem } from '@gongshu/contracts';
import { Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { DeadlineStateTag } from '../../deadlines/DeadlineStateTag';
import { DueDate } from '../../deadlines/DueDate';
import { ProvisionalTag } from '../../deadlines/ProvisionalTag';
import { formatDateTime } from '../../shared/labels';
import { TimeLeft } from '../../deadlines/TimeLeft';

/**
 * Every step of a request on the clock, first to last: who acts, received and due days with the
 * basis, and for the step still running its working days left; done steps show their state and
 * whether they were done on time.
 */
export function StepsOnClock({ steps }: { readonly steps: readonly PendingItem[] }) {
  const { t, pick, lang } = useI18n();
  return (
    <Table<PendingItem>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...steps]}
      data-testid="request-steps"
      locale={{ emptyText: <EmptyText>{t('share.detail.noSteps')}</EmptyText> }}
      onRow={(step) => ({ 'data-testid': 'request-step', 'data-state': step.state }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'step',
          title: t('deadline.col.step'),
          render: (_, step) => (
            <>
              <span>{pick(step.stepLabel)}</span>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {step.responsibleAgency.name} · {t('share.detail.receivedOn', { date: step.receivedOn })}
              </Typography.Text>
            </>
          ),
        },
        { key: 'due', title: t('deadline.col.due'), width: 130, render: (_, step) => <DueDate item={step} /> },
        {
          key: 'left',
          title: t('deadline.col.state'),
          width: 170,
          render: (_, step) =>
            step.state === 'open' || step.state === 'overdue' ? (
              <>
                <TimeLeft item={step} />
                {step.provisional ? <ProvisionalTag /> : null}
              </>
            ) : (
              <>
                <DeadlineStateTag state={step.state} />
                {step.metAt ? (
                  <Typography.Text
                    type={step.overdue ? 'danger' : 'secondary'}
                    style={{ display: 'block', fontSize: 12 }}
                    data-testid="step-met"
                  >
                    {t(step.overdue ? 'share.detail.metLate' : 'share.detail.metOnTime', { date: formatDateTime(lang, step.metAt) })}
                  </Typography.Text>
                ) : null}
              </>
            ),
        },
      ]}
    />
  );
}
