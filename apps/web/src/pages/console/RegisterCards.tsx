/**
 * The register half of the console overview: agencies without a data steward (R8.1) with a way to
 * name one, active agencies per kind, and accounts per role.
 */
import { ROLE_LABELS } from '@gongshu/domain';
import { Alert, Card, Col, List, Row, Table, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useAuth } from '../../auth/useAuth';
import { LinkButton } from '../../components/LinkButton';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { kindLabel } from '../shared/labels';
import type { ConsoleStats } from './consoleStats';

const KindChart = lazy(() => import('./KindChart').then((module) => ({ default: module.KindChart })));

export function RegisterCards({ stats }: { readonly stats: ConsoleStats }) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { can } = useAuth();
  return (
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
  );
}
