/**
 * One grant (R17.2, R23.1): its facts and status, the citation line, the fields with their masks,
 * the consumer's systems allowed to call, suspension and revocation with the reason, the delivery
 * log with its daily chart, and for the consumer's people a "try it" of the one exit.
 */
import { Card, Col, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { useGrant } from '../../../api/sharing';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { useDataAccess } from '../../aggregation/dataAccess';
import { GrantStatusTag } from '../shared/GrantStatusTag';
import { GRANTS_PATH, lineagePath } from '../shared/paths';
import { ShareFieldTable } from '../shared/ShareFieldTable';
import { CitationLine } from './CitationLine';
import { CorrelationConditionsCard } from './CorrelationConditionsCard';
import { DeliveryLogCard } from './DeliveryLogCard';
import { GrantFacts } from './GrantFacts';
import { GrantKeysCard } from './GrantKeysCard';
import { GrantStateCard } from './GrantStateCard';
import { TryItCard } from './TryItCard';
import { CardTitle } from '../../../components/CardTitle';

export function GrantPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { me, can } = useAuth();
  const query = useGrant(id);
  const grant = query.data;
  const access = useDataAccess(grant?.provider.id);
  const crumbs = [{ label: t('share.grants.heading'), to: GRANTS_PATH }];

  if (query.isPending) return <PageLoading />;
  if (!grant) {
    return (
      <>
        <PageHeader title={t('share.grant.heading')} crumbs={crumbs} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const agencyId = me?.user.agency?.id;
  const steward = Boolean(me?.user.roles.includes('steward'));
  const consumer = agencyId === grant.consumer.id;
  const bureau = can('share.review');
  return (
    <>
      <PageHeader
        title={grant.resource.name}
        crumbs={crumbs}
        description={t('share.grant.subtitle', { number: grant.number, consumer: grant.consumer.name, provider: grant.provider.name })}
        extra={
          <>
            <GrantStatusTag status={grant.status} />
            {access.view ? (
              <LinkButton to={lineagePath(grant.resource.id)} data-testid="grant-lineage">
                {t('share.lineage.open')}
              </LinkButton>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<CardTitle testId="section-grant">{t('share.grant.factsHeading')}</CardTitle>}>
              <GrantFacts grant={grant} />
            </Card>
            <Card title={<CardTitle testId="section-citation">{t('share.citation.heading')}</CardTitle>}>
              <CitationLine citation={grant.citation} />
            </Card>
            <Card title={<CardTitle testId="section-grant-fields">{t('share.grant.fieldsHeading')}</CardTitle>}>
              <ShareFieldTable fields={grant.fields} testId="grant-fields" />
            </Card>
            {grant.request ? <CorrelationConditionsCard requestId={grant.request.id} /> : null}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {consumer ? <TryItCard grant={grant} /> : null}
            <GrantKeysCard grant={grant} canEdit={consumer && steward} />
            <GrantStateCard grant={grant} bureau={bureau} provider={agencyId === grant.provider.id && steward} />
          </Space>
        </Col>
        <Col xs={24}>
          <DeliveryLogCard grant={grant} />
        </Col>
      </Row>
    </>
  );
}
