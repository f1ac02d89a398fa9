/**
 * One share request: its route and state, the steps on the clock with their working days (R14.1–
 * R14.3, R15.1), what it asks for and why (R17.1), the fields with their masks (and those approved),
 * the commitments, a rejection's reasons with their legal basis (R16.1), the demand's answer, the
 * consultation (R16.2), the timeline, and the forms of whatever the caller may do now.
 */
import { Card, Col, Row, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { useShareRequest } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { TimeLeft } from '../../deadlines/TimeLeft';
import { REQUESTS_PATH } from '../shared/paths';
import { requestTitle } from '../shared/requestTitle';
import { ShareFieldTable } from '../shared/ShareFieldTable';
import { ShareRouteTag } from '../shared/ShareRouteTag';
import { ShareStateTag } from '../shared/ShareStateTag';
import { AnswerCard } from './AnswerCard';
import { CommitmentList } from './CommitmentList';
import { ConsultationPanel } from './ConsultationPanel';
import { CorrelationPanel } from './CorrelationPanel';
import { RejectionCard } from './RejectionCard';
import { RequestActions } from './RequestActions';
import { RequestFacts } from './RequestFacts';
import { RequestTimeline } from './RequestTimeline';
import { StepsOnClock } from './StepsOnClock';
import { WithdrawButton } from './WithdrawButton';
import { CardTitle } from '../../../components/CardTitle';

export function RequestDetailPage() {
  const { t, pick } = useI18n();
  const { id = '' } = useParams();
  const query = useShareRequest(id);
  const request = query.data;
  const crumbs = [{ label: t('share.mine.heading'), to: REQUESTS_PATH }];

  if (query.isPending) return <PageLoading />;
  if (!request) {
    return (
      <>
        <PageHeader title={t('share.detail.heading')} crumbs={crumbs} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={requestTitle(t, request)}
        crumbs={crumbs}
        description={t('share.detail.subtitle', {
          number: request.number,
          requester: request.requester.name,
          provider: request.provider?.name ?? (request.upperLevel ? t(`share.upper.${request.upperLevel}`) : '—'),
        })}
        extra={
          <>
            <ShareRouteTag route={request.route} />
            <ShareStateTag state={request.state} />
            {request.can.withdraw ? <WithdrawButton request={request} /> : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={<CardTitle testId="section-clock">{t('share.detail.clock')}</CardTitle>}>
              {request.deadline ? (
                <Typography.Paragraph data-testid="request-current-step">
                  {t('share.detail.current', {
                    step: pick(request.deadline.stepLabel),
                    agency: request.deadline.responsibleAgency.name,
                  })}{' '}
                  <TimeLeft item={request.deadline} />
                </Typography.Paragraph>
              ) : (
                <Typography.Paragraph type="secondary">{t(`share.actions.state.${request.state}`)}</Typography.Paragraph>
              )}
              <StepsOnClock steps={request.deadlines} />
            </Card>
            <Card title={<CardTitle testId="section-content">{t('share.detail.content')}</CardTitle>}>
              <RequestFacts request={request} />
            </Card>
            {request.rejection ? <RejectionCard rejection={request.rejection} /> : null}
            {request.answer ? <AnswerCard answer={request.answer} /> : null}
            {request.resource && (request.route === 'conditional' || request.route === 'unconditional') ? (
              <CorrelationPanel requestId={request.id} />
            ) : null}
            <ConsultationPanel request={request} />
            <Card title={<CardTitle testId="section-fields">{t('share.detail.fields')}</CardTitle>}>
              {request.fields.length === 0 ? (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t('share.detail.noFields')}
                </Typography.Paragraph>
              ) : (
                <ShareFieldTable fields={request.fields} approved={request.approvedFields} />
              )}
            </Card>
            <Card title={<CardTitle testId="section-commitments">{t('share.commit.heading')}</CardTitle>}>
              <CommitmentList commitments={request.commitments} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <RequestActions request={request} />
            <Card title={<CardTitle testId="section-timeline">{t('share.detail.timeline')}</CardTitle>}>
              <RequestTimeline events={request.events} />
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}
