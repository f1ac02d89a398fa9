/**
 * 数据工作台: the agency of a steward or staff member: its pending steps by time left (rectification
 * orders and every other step on the clock), and the agency as the register holds it: its facts,
 * its first responsible person (R27.1), its data stewards (R8.1, with a clear warning when there is
 * none, since the agency then cannot submit anything) and its sub-agencies.
 */
import { ROLE_LABELS } from '@gongshu/domain';
import { Alert, Card, Col, Row, Space, Tag } from 'antd';
import { useAgency } from '../../api/agencies';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { PendingCard } from '../deadlines/PendingCard';
import { AgencyFacts } from '../shared/AgencyFacts';
import { ChildAgencies } from '../shared/ChildAgencies';
import { ResponsiblePerson } from '../shared/ResponsiblePerson';
import { StewardList } from '../shared/StewardList';

export function WorkbenchPage() {
  const { t, pick } = useI18n();
  const { me, can } = useAuth();
  const agencyId = me?.user.agency?.id ?? null;
  const detail = useAgency(agencyId);
  const isSteward = me?.user.roles.includes('steward') ?? false;

  const roles = (
    <Space size={4} wrap aria-label={t('workbench.myRoles')}>
      {me?.user.roles.map((role) => (
        <Tag key={role} color="processing">
          {pick(ROLE_LABELS[role])}
        </Tag>
      ))}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('workbench.heading')} description={me?.user.agency?.name} extra={roles} />
      {!agencyId ? (
        <Alert type="warning" showIcon title={t('workbench.noAgency')} />
      ) : detail.isPending ? (
        <PageLoading />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : (
        <>
          {detail.data.stewards.length === 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="no-steward-banner"
              style={{ marginBottom: 16 }}
              title={t('agency.noSteward')}
              description={t('workbench.stewardsEmptyHint')}
            />
          ) : (
            <Alert
              type={isSteward ? 'success' : 'info'}
              showIcon
              style={{ marginBottom: 16 }}
              title={isSteward ? t('workbench.canSubmit') : t('workbench.staffNote')}
            />
          )}
          {can('deadline.pending') ? (
            <div style={{ marginBottom: 16 }}>
              <PendingCard />
            </div>
          ) : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <Card title={<h2 className="gs-card-title">{t('workbench.agencyCard')}</h2>}>
                <AgencyFacts detail={detail.data} />
              </Card>
            </Col>
            <Col xs={24} xl={9}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Card title={<h2 className="gs-card-title">{t('workbench.responsibleCard')}</h2>}>
                  <ResponsiblePerson person={detail.data.responsiblePerson} />
                </Card>
                <Card title={<h2 className="gs-card-title">{t('workbench.stewardsCard')}</h2>}>
                  <StewardList
                    stewards={detail.data.stewards}
                    currentUserId={me?.user.id}
                    emptyMessage="agency.noSteward"
                    emptyHint={t('workbench.stewardsEmptyHint')}
                  />
                </Card>
                <Card title={<h2 className="gs-card-title">{t('workbench.childrenCard')}</h2>}>
                  <ChildAgencies items={detail.data.children} />
                </Card>
              </Space>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
