/**
 * 我的授权 (/me/grants): my grants of conditional open data — fields and how each is delivered
 * (as is or masked, R29.1), period, state (a suspension for an overdue report explained), how to
 * call the query API with my API key, the citation line, and my usage reports with their due dates
 * and a form to submit the one due (R19.2, R20.1, R23.1).
 */
import { Alert, Button, Card, Col, Descriptions, Flex, List, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOpenGrants, type OpenGrant } from '../../../api/openApplications';
import { EmptyText } from '../../../components/EmptyText';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { CitationLine } from '../../sharing/grants/CitationLine';
import { FieldMaskTag, OpenGrantStatusTag, PublicPage, ReportStatusTag, dayOf } from './labels';
import { UsageReportForm } from './UsageReportForm';

/** Platform defaults of R20.1 (docs/open-data.md): reminders 10 days before, suspension past 30 days overdue. */
const NOTICE_DAYS = 10;
const GRACE_DAYS = 30;

function GrantCard({ grant }: { readonly grant: OpenGrant }) {
  const { t, lang } = useI18n();
  const [writing, setWriting] = useState<string | null>(null);
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const firstOpen = grant.reports.find((r) => r.status !== 'submitted');
  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <h2 className="gs-card-title" style={{ margin: 0 }}>
            {grant.resource.name}
          </h2>
          <OpenGrantStatusTag status={grant.status} />
        </Flex>
      }
      extra={<Typography.Text type="secondary">{grant.number}</Typography.Text>}
      data-testid="open-grant"
      data-grant={grant.id}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {grant.state === 'suspended' ? (
          <Alert
            type="warning"
            showIcon
            data-testid="open-grant-suspended"
            title={
              grant.suspendedForReport
                ? t('open.applications.grants.suspendedForReport', { days: GRACE_DAYS })
                : t('open.applications.grants.suspended', { reason: grant.stateReason ?? '' })
            }
          />
        ) : null}
        {grant.state === 'revoked' ? (
          <Alert type="error" showIcon title={t('open.applications.grants.revoked', { reason: grant.stateReason ?? '' })} />
        ) : null}
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('open.applications.field.provider')}>{grant.provider.name}</Descriptions.Item>
          <Descriptions.Item label={t('open.applications.grants.fields')}>
            <Flex gap="4px 16px" wrap data-testid="open-grant-fields">
              {grant.fields.map((f) => (
                <span key={f.code} data-testid="open-grant-field" data-code={f.code}>
                  {f.name} {f.effectiveMask ? <FieldMaskTag mask={f.effectiveMask} /> : null}
                </span>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('open.applications.grants.purpose')}>{grant.purpose}</Descriptions.Item>
          <Descriptions.Item label={t('open.applications.field.period')}>
            {t('open.applications.grants.validity', {
              from: dayOf(grant.validFrom),
              to: dayOf(new Date(new Date(grant.validTo).getTime() - 1).toISOString()),
            })}
          </Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Title level={3} className="gs-subheading">
            {t('open.applications.grants.api')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('open.applications.grants.apiHelp')}</Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: `${origin}${grant.recordsUrl}` }} code data-testid="open-grant-records-url">
            {`GET ${grant.recordsUrl}`}
          </Typography.Paragraph>
          <Link to="/me#api-keys">{t('open.applications.grants.keys')}</Link>
        </div>
        <div>
          <Typography.Title level={3} className="gs-subheading">
            {t('open.applications.grants.citation')}
          </Typography.Title>
          <CitationLine citation={grant.citation} testId={`open-citation-${grant.number}`} />
        </div>
        <div>
          <Typography.Title level={3} className="gs-subheading">
            {t('open.applications.grants.reports')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('open.applications.grants.reportsHelp', { months: grant.reportEveryMonths, notice: NOTICE_DAYS, grace: GRACE_DAYS })}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={grant.reports}
            locale={{ emptyText: <EmptyText>{t('open.applications.grants.noReports')}</EmptyText> }}
            renderItem={(report) => (
              <List.Item key={report.id} data-testid="usage-report" data-status={report.status}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Flex gap={8} align="center" wrap>
                    <ReportStatusTag status={report.status} />
                    <span>
                      {report.submittedAt
                        ? t('open.applications.grants.reportSubmitted', { date: formatDateTime(lang, report.submittedAt) })
                        : t('open.applications.grants.reportDue', { date: report.dueOn })}
                    </span>
                    {!report.submittedAt && report.id === firstOpen?.id && grant.state !== 'revoked' && writing !== report.id ? (
                      <Button
                        size="small"
                        type={report.status === 'upcoming' ? 'default' : 'primary'}
                        onClick={() => setWriting(report.id)}
                        data-testid="report-open"
                      >
                        {t('open.applications.report.open')}
                      </Button>
                    ) : null}
                  </Flex>
                  {report.built ? <Typography.Paragraph style={{ margin: 0 }}>{report.built}</Typography.Paragraph> : null}
                  {writing === report.id ? (
                    <UsageReportForm grantId={grant.id} reportId={report.id} onDone={() => setWriting(null)} />
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
        </div>
      </Space>
    </Card>
  );
}

export function MyGrantsPage() {
  const { t } = useI18n();
  const grants = useOpenGrants('mine');
  return (
    <PublicPage>
      <PageHeader
        title={t('open.applications.grants.heading')}
        crumbs={[{ label: t('open.applications.crumb.me'), to: '/me' }]}
        description={t('open.applications.grants.intro')}
      />
      {grants.isError ? <ErrorAlert error={grants.error} onRetry={() => void grants.refetch()} /> : null}
      {grants.data && grants.data.length === 0 ? (
        <Card>
          <EmptyText>{t('open.applications.grants.empty')}</EmptyText>
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        {(grants.data ?? []).map((grant) => (
          <Col key={grant.id} span={24}>
            <GrantCard grant={grant} />
          </Col>
        ))}
      </Row>
    </PublicPage>
  );
}
