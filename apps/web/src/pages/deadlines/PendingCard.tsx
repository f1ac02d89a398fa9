import { Card, Select, Typography } from 'antd';
import { useState } from 'react';
import { useAgencies } from '../../api/agencies';
import { usePending } from '../../api/deadlines';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { PendingTable } from './PendingTable';

export interface PendingCardProps {
  /** The bureau's view: every agency, a responsible-agency column and a filter by agency. */
  readonly allAgencies?: boolean;
}

/** 待办事项, sorted by time left: one's own agency's steps, or every agency's for the bureau. */
export function PendingCard({ allAgencies = false }: PendingCardProps) {
  const t = useT();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const pending = usePending(allAgencies ? agencyId : null);
  const agencies = useAgencies(allAgencies);
  const items = pending.data ?? [];

  return (
    <Card
      data-testid="pending-card"
      title={
        <h2 className="gs-card-title" data-testid="pending-heading">
          {t('deadline.pending.heading')}
        </h2>
      }
      extra={
        allAgencies ? (
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('deadline.pending.filterAgency')}
            placeholder={t('deadline.pending.filterAgency')}
            style={{ width: 240 }}
            value={agencyId ?? undefined}
            loading={agencies.isPending}
            onChange={(value: string | undefined) => setAgencyId(value ?? null)}
            options={(agencies.data ?? []).map((agency) => ({ value: agency.id, label: agency.name }))}
            data-testid="pending-agency-filter"
          />
        ) : null
      }
    >
      {pending.isError ? (
        <ErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {pending.data
              ? `${t('deadline.pending.summary', { total: items.length, overdue: items.filter((item) => item.overdue).length })}${t('common.listSeparator')}${t('deadline.pending.sorted')}`
              : t('deadline.pending.sorted')}
          </Typography.Paragraph>
          <PendingTable items={items} loading={pending.isFetching} showAgency={allAgencies} />
        </>
      )}
    </Card>
  );
}
