/**
 * 管理控制台: the bureau's overview of the register, computed from the agency and user lists:
 * counts, agencies per kind, accounts per role, and the agencies that still have no data steward
 * (R8.1), each with a way to name one.
 */
import { ROLE_LABELS } from '@gongshu/domain';
import { Alert, Card, Col, List, Row, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useAgencies } from '../../api/agencies';
import { useUsers } from '../../api/users';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { COLORS } from '../../theme';
import { kindLabel } from '../shared/labels';
import { consoleStats } from './consoleStats';

const KindChart = lazy(() => import('./KindChart').then((module) => ({ default: module.KindChart })));

export function ConsoleOverview() {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { can } = useAuth();
  const agencies = useAgencies();
  const users = useUsers();
  const stats = useMemo(() => (agencies.data && users.data ? consoleStats(agencies.data, users.data) : null), [agencies.data, users.data]);

  const error = agencies.error ?? users.error;
  const cards = stats
    ? [
        {
          key: 'agencies',
          title: t('console.stats.agencies'),
          value: stats.agencies,
          note: t('console.stats.activeAgencies', { count: stats.activeAgencies }),
        },
        { key: 'accounts', title: t('console.stats.users'), value: stats.agencyAccounts },
        { key: 'stewards', title: t('console.stats.stewards'), value: stats.stewards },
        {
          key: 'noSteward',
          title: t('console.stats.withoutSteward'),
          value: stats.withoutSteward.length,
          alert: stats.withoutSteward.length > 0,
        },
        { key: 'locked', title: t('console.stats.lockedOrDisabled'), value: stats.lockedOrDisabled },
      ]
    : [];

  return (
    <>
      <PageHeader
        title={t('console.heading')}
        extra={
          <>
            {can('agency.list') ? <LinkButton to="/console/agencies">{t('nav.agencies')}</LinkButton> : null}
            {can('user.read') ? <LinkButton to="/console/users">{t('nav.users')}</LinkButton> : null}
          </>
        }
      />
      {error ? (
        <ErrorAlert error={error} onRetry={() => void Promise.all([agencies.refetch(), users.refetch()])} />
      ) : !stats ? (
        <PageLoading />
      ) : (
        <>
          <Row gutter={[16, 16]} role="list">
            {cards.map((card) => (
              <Col xs={12} md={8} xl={{ flex: '20%' }} key={card.key} role="listitem">
                <Card
                  className="gs-stat-card"
                  data-testid={`console-stat-${card.key}`}
                  style={card.alert ? { borderTopColor: COLORS.error } : undefined}
                >
                  <Statistic
                    title={card.title}
                    value={card.value}
                    styles={{ content: { color: card.alert ? COLORS.error : '#0c3d8a', fontWeight: 600 } }}
                  />
                  {card.note ? <Typography.Text type="secondary">{card.note}</Typography.Text> : null}
                </Card>
              </Col>
            ))}
          </Row>

          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={14}>
              <Card title={<h2 className="gs-card-title">{t('console.noSteward.heading')}</h2>} data-testid="no-steward-card">
                {stats.withoutSteward.length === 0 ? (
                  <Alert type="success" showIcon title={t('console.noSteward.none')} />
                ) : (
                  <>
                    <Alert type="warning" showIcon title={t('console.noSteward.hint')} style={{ marginBottom: 12 }} />
                    <List
                      size="small"
                      dataSource={[...stats.withoutSteward]}
                      renderItem={(agency) => (
                        <List.Item
                          actions={
                            can('user.manage')
                              ? [
                                  <LinkButton key="assign" type="link" size="small" to={`/console/users?agencyId=${agency.id}`}>
                                    {t('console.noSteward.assign')}
                                  </LinkButton>,
                                ]
                              : []
                          }
                        >
                          <div>
                            <Typography.Text strong>{agency.name}</Typography.Text>
                            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                              {kindLabel(i18n, agency.kind)}
                            </Typography.Text>
                          </div>
                        </List.Item>
                      )}
                    />
                  </>
                )}
              </Card>
              <Card title={<h2 className="gs-card-title">{t('console.byKind.heading')}</h2>} style={{ marginTop: 16 }}>
                <Suspense fallback={<PageLoading />}>
                  <KindChart byKind={stats.byKind} />
                </Suspense>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={<h2 className="gs-card-title">{t('console.byRole.heading')}</h2>}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="role"
                  dataSource={[...stats.byRole]}
                  columns={[
                    { key: 'role', title: t('users.roles'), render: (_, row) => pick(ROLE_LABELS[row.role]) },
                    { key: 'count', title: t('console.byRole.count'), dataIndex: 'count', align: 'right', width: 100 },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
