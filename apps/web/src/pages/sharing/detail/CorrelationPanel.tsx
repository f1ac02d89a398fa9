/**
 * 关联安全评估 (R31.1) on a share request: whether its grant would let the requester join level 3+
 * data on the same person identifier, the joinable resources, the assessment when recorded, and
 * for security supervisors and bureau administrators the form to record it.
 */
import { Alert, Card, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useShareCorrelation, type CorrelationAssessment, type CorrelationStatus } from '../../../api/correlation';
import { CardTitle } from '../../../components/CardTitle';
import { useI18n } from '../../../i18n/useT';
import { zh, type MessageKey } from '../../../i18n/zh';
import { formatDateTime } from '../../shared/labels';
import { CorrelationAssessmentForm } from './CorrelationAssessmentForm';

type Joinable = CorrelationStatus['risk']['resources'][number];
const isKey = (key: string): key is MessageKey => key in zh;

export function CorrelationStatusTag({ status }: { readonly status: CorrelationStatus }) {
  const { t } = useI18n();
  if (status.required)
    return (
      <Tag color="error" variant="outlined" data-testid="correlation-required">
        {t('correlation.panel.required')}
      </Tag>
    );
  if (status.latest?.conclusion === 'refuse') return <Tag color="red">{t('correlation.panel.refused')}</Tag>;
  if (status.latest)
    return (
      <Tag color="success" variant="outlined">
        {t('correlation.panel.permitted')}
      </Tag>
    );
  return <Tag>{t('correlation.panel.notRequired')}</Tag>;
}

export function JoinableTable({ resources }: { readonly resources: readonly Joinable[] }) {
  const { t } = useI18n();
  return (
    <Table<Joinable>
      size="small"
      rowKey="resourceId"
      pagination={false}
      dataSource={[...resources]}
      data-testid="correlation-resources"
      columns={[
        { title: t('correlation.col.resource'), render: (_, r) => `${r.name}${r.code ? `（${r.code}）` : ''}` },
        { title: t('correlation.col.provider'), dataIndex: 'providerName' },
        {
          title: t('correlation.col.level'),
          render: (_, r) => (
            <Tag color={r.securityLevel >= 3 ? 'red' : 'default'}>{t('correlation.level', { level: r.securityLevel })}</Tag>
          ),
        },
        {
          title: t('correlation.col.source'),
          render: (_, r) =>
            r.requested ? t('correlation.source.requested') : t('correlation.source.held', { grants: r.grantNumbers.join('、') }),
        },
        { title: t('correlation.col.level3Fields'), render: (_, r) => r.level3Fields.map((f) => f.name).join('、') || '—' },
      ]}
    />
  );
}

export function AssessmentFacts({ assessment }: { readonly assessment: CorrelationAssessment }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions size="small" column={1} bordered data-testid="correlation-assessment">
      <Descriptions.Item label={t('correlation.assessment.title')}>
        <Tag color={assessment.conclusion === 'refuse' ? 'red' : 'green'}>{t(`correlation.conclusion.${assessment.conclusion}`)}</Tag>
        <Typography.Text type="secondary">
          {t('correlation.assessment.by', {
            assessor: assessment.assessor,
            agency: assessment.agency ?? '—',
            at: formatDateTime(lang, assessment.assessedAt),
          })}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('correlation.assessment.opinion')}>{assessment.opinion}</Descriptions.Item>
      {assessment.measures ? (
        <Descriptions.Item label={t('correlation.assessment.measures')}>{assessment.measures}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('correlation.assessment.basis')}>{assessment.basis}</Descriptions.Item>
    </Descriptions>
  );
}

export function CorrelationPanel({ requestId }: { readonly requestId: string }) {
  const { t, pick, lang } = useI18n();
  const query = useShareCorrelation(requestId);
  const status = query.data;
  if (!status) return null;
  const identifierKey = `correlation.identifier.${status.risk.identifierRole ?? ''}`;
  return (
    <Card
      title={<CardTitle testId="section-correlation">{t('correlation.panel.title')}</CardTitle>}
      extra={<CorrelationStatusTag status={status} />}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {status.risk.applies ? (
          <>
            <Alert
              type={status.required ? 'warning' : 'info'}
              showIcon
              title={pick(status.risk.reason)}
              description={status.required ? t('correlation.panel.blockedHelp') : undefined}
            />
            <Typography.Text type="secondary">
              {t('correlation.panel.identifier', {
                identifier: isKey(identifierKey) ? t(identifierKey) : (status.risk.identifierRole ?? ''),
              })}
              {' · '}
              {t('correlation.panel.checkedAt', { at: formatDateTime(lang, status.checkedAt) })}
            </Typography.Text>
            <JoinableTable resources={status.risk.resources} />
          </>
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('correlation.panel.none')}
          </Typography.Paragraph>
        )}
        {status.latest ? <AssessmentFacts assessment={status.latest} /> : null}
        {status.history.length > 1 ? (
          <Collapse
            size="small"
            items={[
              {
                key: 'history',
                label: t('correlation.assessment.history', { count: status.history.length }),
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {status.history.map((a) => (
                      <AssessmentFacts key={a.id} assessment={a} />
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        ) : null}
        {status.canAssess ? (
          <Card size="small" title={t('correlation.form.title')}>
            <CorrelationAssessmentForm requestId={requestId} />
          </Card>
        ) : null}
      </Space>
    </Card>
  );
}
