/**
 * 提出开放需求 (/open/demands/new, ?resourceId= from a resource that is not open): data described
 * by title and content, the purpose, and the provider if known (else the bureau chooses) (R19.3).
 */
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApplyState, useFileOpenDemand, useOpenProviders, type OpenDemandInput } from '../../../api/openApplications';
import { loginPathFor } from '../../../auth/homePath';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { PublicPage } from './labels';

interface DemandValues {
  title?: string;
  description: string;
  purpose: string;
  providerAgencyId?: string;
}

export function DemandFormPage() {
  const t = useT();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const resourceId = params.get('resourceId') ?? '';
  const resource = useApplyState(resourceId, Boolean(me)).data?.resource;
  const providers = useOpenProviders();
  const file = useFileOpenDemand();

  const submit = (values: DemandValues) => {
    const body: OpenDemandInput = {
      ...(resourceId ? { resourceId } : {}),
      ...(values.title?.trim() ? { title: values.title.trim() } : {}),
      description: values.description.trim(),
      purpose: values.purpose.trim(),
      ...(!resourceId && values.providerAgencyId ? { providerAgencyId: values.providerAgencyId } : {}),
    };
    file
      .mutateAsync(body)
      .then((detail) => {
        void message.success(t('open.applications.demandForm.submitted'));
        void navigate(`/me/applications/${detail.id}`);
      })
      .catch(() => undefined);
  };

  return (
    <PublicPage>
      <PageHeader
        title={t('open.applications.demandForm.heading')}
        crumbs={[
          { label: t('open.applications.crumb.open'), to: '/open' },
          { label: t('open.applications.demands.heading'), to: '/open/demands' },
        ]}
        description={t('open.applications.demandForm.intro')}
      />
      <Card style={{ maxWidth: 820 }}>
        {!me ? (
          <Alert
            type="info"
            showIcon
            title={t('open.applications.demandForm.signIn')}
            action={
              <LinkButton to={loginPathFor(location)} type="primary" size="small">
                {t('open.applications.card.signIn')}
              </LinkButton>
            }
            style={{ marginBottom: 16 }}
          />
        ) : !can('open.participate') ? (
          <Alert type="warning" showIcon title={t('open.applications.demandForm.signIn')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form<DemandValues> layout="vertical" onFinish={submit} data-testid="demand-form">
          {file.error ? <ErrorAlert error={file.error} /> : null}
          {resource ? (
            <Typography.Paragraph strong data-testid="demand-resource">
              {t('open.applications.demandForm.resource', { name: resource.name, provider: resource.provider.name })}
            </Typography.Paragraph>
          ) : (
            <>
              <Form.Item<DemandValues>
                name="title"
                label={t('open.applications.demandForm.title')}
                rules={[
                  { required: true, whitespace: true, message: t('common.required', { field: t('open.applications.demandForm.title') }) },
                ]}
              >
                <Input maxLength={200} data-testid="demand-title" />
              </Form.Item>
              <Form.Item<DemandValues>
                name="providerAgencyId"
                label={t('open.applications.demandForm.provider')}
                extra={t('open.applications.demandForm.providerHelp')}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={providers.isLoading}
                  options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  data-testid="demand-provider"
                />
              </Form.Item>
            </>
          )}
          <Form.Item<DemandValues>
            name="description"
            label={t('open.applications.demandForm.description')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('open.applications.demandForm.description') }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="demand-description" />
          </Form.Item>
          <Form.Item<DemandValues>
            name="purpose"
            label={t('open.applications.demandForm.purpose')}
            rules={[
              { required: true, whitespace: true, message: t('common.required', { field: t('open.applications.demandForm.purpose') }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid="demand-purpose" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={file.isPending} disabled={!can('open.participate')} data-testid="demand-submit">
            {t('open.applications.demandForm.submit')}
          </Button>
        </Form>
      </Card>
    </PublicPage>
  );
}
