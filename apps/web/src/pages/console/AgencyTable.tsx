import type { Agency } from '@gongshu/contracts';
import { Button, Table, Tag, Typography } from 'antd';
import { StewardStatus } from '../../components/StewardStatus';
import { useI18n } from '../../i18n/useT';
import { kindLabel, levelLabel, sectorLabel } from '../shared/labels';

export interface AgencyTableProps {
  readonly agencies: readonly Agency[];
  readonly loading?: boolean;
  readonly onOpen: (agency: Agency) => void;
  /** Hide columns the sector page does not need. */
  readonly compact?: boolean;
}

/** The agency directory with steward counts (red when 0: the agency cannot submit, R8.1). */
export function AgencyTable({ agencies, loading, onOpen, compact = false }: AgencyTableProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <Table<Agency>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...agencies]}
      data-testid="agency-table"
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 900 }}
      columns={[
        {
          key: 'name',
          title: t('agency.name'),
          sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
          render: (_, agency) => (
            <div>
              <Typography.Text strong>{agency.name}</Typography.Text>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.62)' }}>
                <code>{agency.code}</code>
              </div>
            </div>
          ),
        },
        { key: 'kind', title: t('agency.kind'), render: (_, agency) => kindLabel(i18n, agency.kind), width: 150 },
        ...(compact
          ? []
          : [
              { key: 'level', title: t('agency.level'), render: (_: unknown, agency: Agency) => levelLabel(i18n, agency.level), width: 90 },
            ]),
        { key: 'sector', title: t('agency.sector'), render: (_, agency) => sectorLabel(i18n, agency.sector), width: 140 },
        ...(compact ? [] : [{ key: 'division', title: t('agency.divisionCode'), dataIndex: 'divisionCode', width: 120 }]),
        {
          key: 'stewards',
          title: t('agency.stewardCount'),
          sorter: (a, b) => a.stewardCount - b.stewardCount,
          render: (_, agency) => <StewardStatus count={agency.stewardCount} />,
          width: 130,
        },
        { key: 'users', title: t('agency.userCount'), dataIndex: 'userCount', align: 'right', width: 90 },
        {
          key: 'status',
          title: t('agency.status'),
          render: (_, agency) => (agency.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>),
          width: 90,
        },
        {
          key: 'actions',
          title: t('common.actions'),
          fixed: 'right',
          width: 90,
          render: (_, agency) => (
            <Button type="link" size="small" onClick={() => onOpen(agency)} aria-label={`${t('common.detail')}：${agency.name}`}>
              {t('common.detail')}
            </Button>
          ),
        },
      ]}
    />
  );
}
