/**
 * One rectification order (R35.1): what was ordered and why, the step on the clock now, its
 * history, and the action of whoever acts next: the agency's data steward reports, the bureau
 * closes or returns the report.
 */
import type { Rectification } from '@gongshu/contracts';
import { Alert, Card, Col, Descriptions, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { useRectification } from '../../api/rectifications';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { CurrentDeadline } from './CurrentDeadline';
import { RectificationStateTag } from './RectificationStateTag';
import { RectificationTimeline } from './RectificationTimeline';
import { ReportForm } from './ReportForm';
import { ReviewForm } from './ReviewForm';

const cardTitle = (text: string) => <h2 className="gs-card-title">{text}</h2>;

/** The report form for the agency's own steward; a note for its other staff (R8.1). */
function AgencyAction({ order }: { readonly order: Rectification }) {
  const { t } = useI18n();
  const { me } = useAuth();
  if (order.state !== 'open' || me?.user.agency?.id !== order.agency.id) return null;
  if (!me.user.roles.includes('steward')) return <Alert type="info" showIcon title={t('rect.report.stewardOnly')} />;
  return (
    <Card title={cardTitle(t('rect.report.heading'))}>
      <ReportForm order={order} />
    </Card>
  );
}

export function RectificationDetailPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const query = useRectification(id);
  const order = query.data;
  const crumbs = [{ label: t('rect.heading'), to: '/rectifications' }];

  if (query.isPending) return <PageLoading />;
  if (!order) {
    return (
      <>
        <PageHeader title={t('rect.heading')} crumbs={crumbs} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={order.title}
        crumbs={crumbs}
        description={order.agency.name}
        extra={
          <Space size={4}>
            <RectificationStateTag state={order.state} />
            {order.round > 1 ? <span>{t('rect.round', { round: order.round })}</span> : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={cardTitle(t('rect.detail.order'))}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'agency', label: t('rect.col.agency'), children: order.agency.name },
                  { key: 'requirement', label: t('rect.col.requirement'), children: order.requirement },
                  {
                    key: 'term',
                    label: t('rect.detail.term'),
                    children: t(order.termWorkingDays === 1 ? 'rules.oneDay' : 'rules.days', { days: order.termWorkingDays }),
                  },
                  { key: 'round', label: t('rect.detail.round'), children: t('rect.round', { round: order.round }) },
                  { key: 'by', label: t('rect.detail.issuedBy'), children: order.issuedBy },
                  { key: 'at', label: t('rect.detail.issuedAt'), children: formatDateTime(lang, order.issuedAt) },
                  {
                    key: 'reason',
                    label: t('rect.detail.reason'),
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{order.reason}</span>,
                    span: 2,
                  },
                ]}
              />
            </Card>
            <Card title={cardTitle(t('rect.detail.deadline'))} data-testid="current-deadline-card">
              <CurrentDeadline order={order} />
            </Card>
            <AgencyAction order={order} />
            {can('rectification.supervise') && order.state === 'reported' ? (
              <Card title={cardTitle(t('rect.review.heading'))}>
                <ReviewForm order={order} />
              </Card>
            ) : null}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={cardTitle(t('rect.detail.timeline'))}>
            <RectificationTimeline order={order} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
