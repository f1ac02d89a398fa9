/**
 * 安全告警: the unusual-access alerts raised by the sweep over the deliveries of the exit (R29.1,
 * issue 8 item 4), filtered by state, kind and agency, each opened to acknowledge or close it.
 */
import type { AccessAlert } from '@gongshu/contracts';
import { Button, Card, Col, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAgencies } from '../../api/agencies';
import { ALERT_PAGE_SIZE, useSecurityAlerts, type AlertFilter } from '../../api/securityAlerts';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { AlertDetail } from './AlertDetail';
import { ALERT_KINDS, ALERT_STATES, KIND_COLOR, STATE_COLOR } from './AlertLabels';

export function AlertsPage() {
  const { t, lang } = useI18n();
  const [filter, setFilter] = useState<AlertFilter>({ state: 'open' });
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const alerts = useSecurityAlerts(filter, page);
  const agencies = useAgencies();
  const set = (patch: Partial<AlertFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    setPage(1);
  };

  return (
    <>
      <PageHeader
        title={t('security.alerts.heading')}
        crumbs={[{ label: t('audit.heading'), to: '/audit' }, { label: t('security.alerts.heading') }]}
        description={t('security.alerts.intro', { days: 14, factor: 5, floor: '1,000' })}
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <label htmlFor="alert-state">{t('security.alerts.filterState')}</label>
            <Select
              id="alert-state"
              allowClear
              style={{ width: '100%' }}
              placeholder={t('common.all')}
              value={filter.state}
              onChange={(state) => set({ state })}
              options={ALERT_STATES.map((value) => ({ value, label: t(`security.alerts.state.${value}`) }))}
              data-testid="alert-filter-state"
            />
          </Col>
          <Col xs={24} md={8}>
            <label htmlFor="alert-kind">{t('security.alerts.filterKind')}</label>
            <Select
              id="alert-kind"
              allowClear
              style={{ width: '100%' }}
              placeholder={t('common.all')}
              value={filter.kind}
              onChange={(kind) => set({ kind })}
              options={ALERT_KINDS.map((value) => ({ value, label: t(`security.alerts.kind.${value}`) }))}
            />
          </Col>
          <Col xs={24} md={8}>
            <label htmlFor="alert-agency">{t('security.alerts.filterAgency')}</label>
            <Select
              id="alert-agency"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              placeholder={t('common.all')}
              value={filter.agencyId}
              onChange={(agencyId) => set({ agencyId })}
              options={(agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          </Col>
        </Row>
      </Card>
      <Card>
        {alerts.isError ? (
          <ErrorAlert error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : (
          <Table<AccessAlert>
            rowKey="id"
            size="small"
            loading={alerts.isFetching}
            dataSource={alerts.data?.alerts ?? []}
            scroll={{ x: 980 }}
            data-testid="alert-table"
            locale={{ emptyText: <EmptyText>{t('security.alerts.empty')}</EmptyText> }}
            pagination={{
              current: page,
              pageSize: ALERT_PAGE_SIZE,
              total: alerts.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
              showTotal: (total) => t('security.alerts.total', { total }),
            }}
            columns={[
              { key: 'raisedAt', title: t('security.alerts.col.raisedAt'), width: 150, render: (_, a) => formatDateTime(lang, a.raisedAt) },
              {
                key: 'kind',
                title: t('security.alerts.col.kind'),
                width: 150,
                render: (_, a) => <Tag color={KIND_COLOR[a.kind]}>{t(`security.alerts.kind.${a.kind}`)}</Tag>,
              },
              {
                key: 'subject',
                title: t('security.alerts.col.subject'),
                render: (_, a) => (
                  <span>
                    {t(`security.alerts.subject.${a.subjectType}`)}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, wordBreak: 'break-all' }}>
                      {a.subjectLabel}
                    </Typography.Text>
                  </span>
                ),
              },
              { key: 'agency', title: t('security.alerts.col.agency'), width: 160, render: (_, a) => a.agencyName ?? '—' },
              {
                key: 'window',
                title: t('security.alerts.col.window'),
                width: 170,
                render: (_, a) => `${formatDateTime(lang, a.windowStart)}（${t(`security.alerts.window.${a.windowKind}`)}）`,
              },
              {
                key: 'observed',
                title: t('security.alerts.col.observed'),
                width: 190,
                render: (_, a) => (
                  <span>
                    <Typography.Text strong type="danger">
                      {a.observed.toLocaleString()}
                    </Typography.Text>
                    {' / '}
                    {a.baseline === null ? t('security.alerts.noBaseline') : a.baseline.toLocaleString()}
                  </span>
                ),
              },
              {
                key: 'state',
                title: t('security.alerts.col.state'),
                width: 100,
                render: (_, a) => <Tag color={STATE_COLOR[a.state]}>{t(`security.alerts.state.${a.state}`)}</Tag>,
              },
              {
                key: 'action',
                title: <span className="gs-sr-only">{t('security.alerts.detail')}</span>,
                width: 80,
                render: (_, a) => (
                  <Button size="small" onClick={() => setOpenId(a.id)} data-testid={`alert-open-${a.id}`}>
                    {t('security.alerts.detail')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <AlertDetail id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
