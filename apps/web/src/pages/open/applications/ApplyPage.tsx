/**
 * 申请使用 (/open/apply/:resourceId): the application for conditional open data (R19.2) — the
 * provider's published conditions, the fields asked for, purpose, protective measures, period and
 * every commitment; the server checks it all again and answers every problem at once.
 */
import { App, Alert, Button, Card, Checkbox, Col, Form, Input, Row, Typography } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useApplyForOpenData, useApplyState, type OpenApplyInput } from '../../../api/openApplications';
import { loginPathFor } from '../../../auth/homePath';
import { useAuth } from '../../../auth/useAuth';
import { CommitmentChecks } from '../../../components/CommitmentChecks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { chinaToday } from '../../shared/labels';
import { PublicPage } from './labels';

const COMMITMENTS = ['lawfulUse', 'protection', 'usageReports', 'citation'] as const;

interface ApplyValues {
  fields: string[];
  purpose: string;
  measures: string;
  periodFrom: string;
  periodTo: string;
  commitments: Partial<Record<(typeof COMMITMENTS)[number], boolean>>;
}

function oneYearFrom(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function ApplyPage() {
  const t = useT();
  const { resourceId = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const state = useApplyState(resourceId, Boolean(me));
  const apply = useApplyForOpenData();
  const [form] = Form.useForm<ApplyValues>();
  const resource = state.data?.resource;
  const today = chinaToday();

  const submit = (values: ApplyValues) => {
    const body: OpenApplyInput = {
      resourceId,
      fields: values.fields,
      purpose: values.purpose.trim(),
      measures: values.measures.trim(),
      periodFrom: values.periodFrom,
      periodTo: values.periodTo,
      commitments: {
        lawfulUse: values.commitments.lawfulUse === true,
        protection: values.commitments.protection === true,
        usageReports: values.commitments.usageReports === true,
        citation: values.commitments.citation === true,
      },
    };
    apply
      .mutateAsync(body)
      .then((detail) => {
        void message.success(t('open.applications.apply.submitted'));
        void navigate(`/me/applications/${detail.id}`);
      })
      .catch(() => undefined);
  };

  return (
    <PublicPage>
      <PageHeader
        title={resource ? t('open.applications.apply.heading', { name: resource.name }) : t('open.applications.apply.headingPlain')}
        crumbs={[
          { label: t('open.applications.crumb.open'), to: '/open' },
          ...(resource ? [{ label: resource.name, to: `/open/resources/${resource.id}` }] : []),
        ]}
        description={t('open.applications.apply.intro')}
      />
      {state.isError ? <ErrorAlert error={state.error} onRetry={() => void state.refetch()} /> : null}
      {resource && resource.openType !== 'conditional' ? (
        <Alert type="warning" showIcon title={t('open.applications.apply.notConditional')} />
      ) : null}
      {me && !can('open.participate') ? <Alert type="warning" showIcon title={t('open.applications.apply.onlyPublic')} /> : null}
      {!me ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('open.applications.card.onlyPublic')}
          action={
            <LinkButton to={loginPathFor(location)} type="primary" size="small" data-testid="apply-sign-in">
              {t('open.applications.card.signIn')}
            </LinkButton>
          }
        />
      ) : null}
      {resource && resource.openType === 'conditional' ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card title={<h2 className="gs-card-title">{t('open.applications.card.conditions')}</h2>}>
              <Typography.Paragraph type="secondary">
                {t('open.applications.apply.provider', { name: resource.provider.name })}
              </Typography.Paragraph>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="apply-conditions">
                {resource.conditions}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Card>
              <Form<ApplyValues>
                form={form}
                layout="vertical"
                onFinish={submit}
                data-testid="apply-form"
                initialValues={{
                  fields: resource.fields.map((f) => f.code),
                  periodFrom: today,
                  periodTo: oneYearFrom(today),
                  commitments: {},
                }}
              >
                {apply.error ? <ErrorAlert error={apply.error} /> : null}
                <Form.Item<ApplyValues>
                  name="fields"
                  label={t('open.applications.apply.fields')}
                  extra={t('open.applications.apply.fieldsHelp')}
                  rules={[{ type: 'array', min: 1, message: t('open.applications.apply.fieldsRequired') }]}
                >
                  <Checkbox.Group
                    options={resource.fields.map((f) => ({ value: f.code, label: `${f.name}（${f.code}）` }))}
                    data-testid="apply-fields"
                  />
                </Form.Item>
                <Form.Item<ApplyValues>
                  name="purpose"
                  label={t('open.applications.apply.purpose')}
                  extra={t('open.applications.apply.purposeHelp')}
                  rules={[
                    { required: true, whitespace: true, message: t('common.required', { field: t('open.applications.apply.purpose') }) },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="apply-purpose" />
                </Form.Item>
                <Form.Item<ApplyValues>
                  name="measures"
                  label={t('open.applications.apply.measures')}
                  extra={t('open.applications.apply.measuresHelp')}
                  rules={[
                    { required: true, whitespace: true, message: t('common.required', { field: t('open.applications.apply.measures') }) },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="apply-measures" />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} sm={12}>
                    <Form.Item<ApplyValues> name="periodFrom" label={t('open.applications.apply.periodFrom')} rules={[{ required: true }]}>
                      <Input type="date" min={today} data-testid="apply-period-from" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item<ApplyValues> name="periodTo" label={t('open.applications.apply.periodTo')} rules={[{ required: true }]}>
                      <Input type="date" min={today} data-testid="apply-period-to" />
                    </Form.Item>
                  </Col>
                </Row>
                <CommitmentChecks
                  commitments={COMMITMENTS}
                  legend={t('open.applications.apply.commitments')}
                  label={(commitment) => t(`open.applications.commitment.${commitment}`)}
                  requiredMessage={t('open.applications.apply.commitRequired')}
                  testIdPrefix="apply"
                />
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={apply.isPending}
                  disabled={!can('open.participate')}
                  data-testid="apply-submit"
                >
                  {t('open.applications.apply.submit')}
                </Button>
              </Form>
            </Card>
          </Col>
        </Row>
      ) : null}
    </PublicPage>
  );
}
