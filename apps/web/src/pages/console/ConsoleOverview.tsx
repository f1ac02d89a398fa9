/**
 * 管理控制台: the bureau's overview. The register's counts (from the agency and user lists), the
 * pending steps of every agency by time left, the on-time rates (R33.1), and the register's
 * details: agencies still without a data steward (R8.1), agencies per kind, accounts per role.
 */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useAgencies } from '../../api/agencies';
import { useUsers } from '../../api/users';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useT } from '../../i18n/useT';
import { COLORS } from '../../theme';
import { OnTimeCard } from '../deadlines/OnTimeCard';
import { PendingCard } from '../deadlines/PendingCard';
import { consoleStats } from './consoleStats';
import { RegisterCards } from './RegisterCards';

export function ConsoleOverview() {
  const t = useT();
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
            {can('rectification.read') ? <LinkButton to="/rectifications">{t('nav.rectifications')}</LinkButton> : null}
          </>
        }
      />
      {error ? (
        <ErrorAlert error={error} onRetry={() => void Promise.all([agencies.refetch(), users.refetch()])} />
      ) : !stats ? (
        <PageLoading />
      ) : (
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
      )}
      {/* The deadline views load on their own: a slow register does not hold them back. */}
      {can('deadline.pending') ? (
        <div style={{ marginTop: 16 }}>
          <PendingCard allAgencies />
        </div>
      ) : null}
      {can('deadline.stats') ? (
        <div style={{ marginTop: 16 }}>
          <OnTimeCard />
        </div>
      ) : null}
      {stats ? <RegisterCards stats={stats} /> : null}
    </>
  );
}
