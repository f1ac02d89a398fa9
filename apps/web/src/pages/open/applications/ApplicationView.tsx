/**
 * One application or demand as its applicant and its reviewers see it: the decision first (every
 * rejection reason with its legal basis, R19.4; the provider's answer to a demand, R19.3; the
 * grant), then what was asked, the steps on the clock and the history.
 */
import { Alert, App, Button, Card, Col, Descriptions, Flex, Row, Space, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useOpenWithdraw, type OpenApplicationDetail } from '../../../api/openApplications';
import { CardTitle } from '../../../components/CardTitle';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { StepsOnClock } from '../../sharing/detail/StepsOnClock';
import { OpenStateTag } from './labels';

export function RejectionReasons({ rejection }: { readonly rejection: NonNullable<OpenApplicationDetail['rejection']> }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="open-rejection">
      <Typography.Paragraph strong>
        {t(`open.applications.detail.rejectedBy.${rejection.by}`, {
          at: formatDateTime(lang, rejection.at),
          count: rejection.reasons.length,
        })}
      </Typography.Paragraph>
      <ol className="gs-reasons" data-testid="rejection-reasons">
        {rejection.reasons.map((entry, index) => (
          <li key={index} data-testid="rejection-reason">
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{entry.reason}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('open.applications.detail.basis', { basis: entry.legalBasis })}
            </Typography.Text>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function DemandAnswerText({ answer }: { readonly answer: NonNullable<OpenApplicationDetail['answer']> }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="open-answer">
      <Typography.Paragraph strong>
        {answer.willOpen && answer.expectedBy
          ? t('open.applications.detail.willOpen', { date: answer.expectedBy })
          : t('open.applications.detail.willNotOpen')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{answer.text}</Typography.Paragraph>
      <Typography.Text type="secondary">{formatDateTime(lang, answer.at)}</Typography.Text>
    </div>
  );
}

function WithdrawButton({ detail }: { readonly detail: OpenApplicationDetail }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const withdraw = useOpenWithdraw();
  return (
    <>
      {withdraw.error ? <ErrorAlert error={withdraw.error} /> : null}
      <Button
        danger
        loading={withdraw.isPending}
        data-testid="open-withdraw"
        onClick={() => {
          void modal.confirm({
            title: t('open.applications.detail.withdraw'),
            content: t('open.applications.detail.withdrawConfirm'),
            okText: t('open.applications.detail.withdraw'),
            okButtonProps: { danger: true },
            cancelText: t('common.cancel'),
            onOk: () =>
              withdraw
                .mutateAsync({ id: detail.id, body: {} })
                .then(() => void message.success(t('open.applications.detail.withdrawn')))
                .catch(() => undefined),
          });
        }}
      >
        {t('open.applications.detail.withdraw')}
      </Button>
    </>
  );
}

export function ApplicationView({
  detail,
  actions,
  forApplicant,
}: {
  readonly detail: OpenApplicationDetail;
  /** The reviewer's forms (agency side). */
  readonly actions?: ReactNode;
  readonly forApplicant?: boolean;
}) {
  const { t, lang, pick } = useI18n();
  const names = new Map(detail.availableFields.map((f) => [f.code, f.name]));
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Flex gap={8} align="center" wrap>
          <OpenStateTag state={detail.state} />
          {detail.deadline ? (
            <Typography.Text type="secondary">
              {pick(detail.deadline.stepLabel)} · {detail.deadline.responsibleAgency.name} · {detail.deadline.dueOn}
            </Typography.Text>
          ) : null}
        </Flex>
      </Col>
      {detail.rejection ? (
        <Col span={24}>
          <Card title={<CardTitle testId="section-open-rejection">{t('open.applications.detail.rejection')}</CardTitle>}>
            <RejectionReasons rejection={detail.rejection} />
          </Card>
        </Col>
      ) : null}
      {detail.answer ? (
        <Col span={24}>
          <Card title={<CardTitle testId="section-open-answer">{t('open.applications.detail.answer')}</CardTitle>}>
            <DemandAnswerText answer={detail.answer} />
          </Card>
        </Col>
      ) : null}
      {detail.state === 'granted' ? (
        <Col span={24}>
          <Alert
            type="success"
            showIcon
            data-testid="open-granted"
            title={
              <Space orientation="vertical" size={4}>
                <span>
                  {t('open.applications.detail.approved', {
                    fields: (detail.approvedFields ?? []).map((c) => names.get(c) ?? c).join('、'),
                    date: detail.approvedPeriodTo ?? detail.periodTo ?? '',
                  })}
                </span>
                {forApplicant ? (
                  <span>
                    {t('open.applications.detail.granted')} <Link to="/me/grants">{t('open.applications.detail.toGrants')}</Link>
                  </span>
                ) : null}
              </Space>
            }
          />
        </Col>
      ) : null}
      {actions ? <Col span={24}>{actions}</Col> : null}
      <Col xs={24} xl={12}>
        <Card title={<CardTitle testId="section-open-facts">{t('open.applications.detail.facts')}</CardTitle>}>
          <Descriptions column={1} size="small" data-testid="open-facts">
            {detail.resource ? (
              <Descriptions.Item label={t('open.applications.field.resource')}>
                <Link to={`/open/resources/${detail.resource.id}`}>{detail.resource.name}</Link>
              </Descriptions.Item>
            ) : (
              <Descriptions.Item label={t('open.applications.field.resource')}>{detail.title}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('open.applications.field.provider')}>
              {detail.provider?.name ?? t('open.applications.providerUnset')}
            </Descriptions.Item>
            {forApplicant ? null : (
              <Descriptions.Item label={t('open.applications.field.applicant')}>{detail.applicant.name}</Descriptions.Item>
            )}
            {detail.dataDescription ? (
              <Descriptions.Item label={t('open.applications.field.description')}>{detail.dataDescription}</Descriptions.Item>
            ) : null}
            {detail.fields.length > 0 ? (
              <Descriptions.Item label={t('open.applications.field.fields')}>
                {detail.fields.map((f) => f.name).join('、')}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('open.applications.field.purpose')}>{detail.purpose}</Descriptions.Item>
            {detail.measures ? (
              <Descriptions.Item label={t('open.applications.field.measures')}>{detail.measures}</Descriptions.Item>
            ) : null}
            {detail.periodFrom && detail.periodTo ? (
              <Descriptions.Item label={t('open.applications.field.period')}>
                {detail.periodFrom} — {detail.periodTo}
              </Descriptions.Item>
            ) : null}
            {detail.conditions ? (
              <Descriptions.Item label={t('open.applications.field.conditions')}>{detail.conditions}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('open.applications.field.filed')}>{formatDateTime(lang, detail.createdAt)}</Descriptions.Item>
          </Descriptions>
          {detail.can.withdraw ? <WithdrawButton detail={detail} /> : null}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={<CardTitle testId="section-open-steps">{t('open.applications.detail.steps')}</CardTitle>} style={{ marginBottom: 16 }}>
          <StepsOnClock steps={detail.deadlines} />
        </Card>
        <Card title={<CardTitle testId="section-open-timeline">{t('open.applications.detail.timeline')}</CardTitle>}>
          <Timeline
            data-testid="open-timeline"
            items={detail.events.map((e) => ({
              key: `${e.at}-${e.action}`,
              content: (
                <>
                  <Typography.Text strong>{t(`open.applications.event.${e.action}` as 'open.applications.event.filed')}</Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {formatDateTime(lang, e.at)}
                    {forApplicant ? '' : ` · ${e.actorLabel}`}
                  </Typography.Text>
                  {e.note ? <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph> : null}
                </>
              ),
            }))}
          />
        </Card>
      </Col>
    </Row>
  );
}
