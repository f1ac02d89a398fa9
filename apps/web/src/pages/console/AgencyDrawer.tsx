/**
 * One agency in a side drawer: register facts, first responsible person (R27.1), data stewards
 * (R8.1) and sub-agencies. Shared by the console (with an edit button) and the sector page.
 */
import type { AgencyDetail } from '@gongshu/contracts';
import { Button, Drawer, Space, Typography } from 'antd';
import { useAgency } from '../../api/agencies';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { AgencyFacts } from '../shared/AgencyFacts';
import { ChildAgencies } from '../shared/ChildAgencies';
import { formatDateTime } from '../shared/labels';
import { ResponsiblePerson } from '../shared/ResponsiblePerson';
import { StewardList } from '../shared/StewardList';

export interface AgencyDrawerProps {
  readonly agencyId: string | null;
  readonly onClose: () => void;
  /** Shown as an "edit" button when given (agency.manage). */
  readonly onEdit?: (detail: AgencyDetail) => void;
}

export function AgencyDrawer({ agencyId, onClose, onEdit }: AgencyDrawerProps) {
  const { t, lang } = useI18n();
  const detail = useAgency(agencyId);
  const data = detail.data;
  const section = (title: string) => (
    <Typography.Title level={2} style={{ fontSize: 15, margin: '20px 0 8px' }}>
      {title}
    </Typography.Title>
  );

  return (
    <Drawer
      open={agencyId !== null}
      onClose={onClose}
      size={640}
      title={data?.agency.name ?? t('agencies.drawerTitle')}
      data-testid="agency-drawer"
      extra={
        data && onEdit ? (
          <Button type="primary" onClick={() => onEdit(data)}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {detail.isPending ? (
        <PageLoading />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : data ? (
        <Space orientation="vertical" style={{ width: '100%' }} size={0}>
          <AgencyFacts detail={data} columns={1} />
          {section(t('agency.responsible'))}
          <ResponsiblePerson person={data.responsiblePerson} />
          {section(t('agency.stewards'))}
          <StewardList stewards={data.stewards} />
          {section(t('agency.children'))}
          <ChildAgencies items={data.children} />
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 16, fontSize: 12 }}>
            {t('agency.updatedAt')}：{formatDateTime(lang, data.updatedAt)}
          </Typography.Text>
        </Space>
      ) : null}
    </Drawer>
  );
}
