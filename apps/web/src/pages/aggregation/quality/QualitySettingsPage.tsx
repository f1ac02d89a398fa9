/**
 * 质量设置 (R12.1, R12.2, R11.1): the resource's data-quality owner, what a load with problem rows
 * does (拒收 above a threshold, or 隔离), and the rules every load checks. The provider's data
 * steward or the bureau change them; the provider's other people read them.
 */
import type { QualityView, ResourceMetadata } from '@gongshu/contracts';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useParams } from 'react-router';
import { useCatalogResource } from '../../../api/catalog';
import { useDataQuality, useSaveQuality } from '../../../api/data';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { dataCrumbs } from '../crumbs';
import { useDataAccess } from '../dataAccess';
import { dataPath } from '../paths';
import { bodyOf, formValuesOf, type QualityFormValues } from './qualityForm';
import { rulesOf } from './qualityRules';
import { RulesSection } from './RulesSection';
import { useOwnerOptions } from './useOwnerOptions';

type FieldSpec = ResourceMetadata['fields'][number];

const title = (text: string, testId: string) => (
  <h2 className="gs-card-title" data-testid={testId}>
    {text}
  </h2>
);

function SettingsForm({
  resourceId,
  providerId,
  view,
  fields,
  canEdit,
}: {
  readonly resourceId: string;
  readonly providerId: string;
  readonly view: QualityView;
  readonly fields: readonly FieldSpec[];
  readonly canEdit: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<QualityFormValues>();
  const save = useSaveQuality();
  const initial = useMemo(() => formValuesOf(view.settings), [view.settings]);
  const owners = useOwnerOptions(providerId, view.settings.ownerUserId, canEdit);
  const policy = Form.useWatch('policy', form) ?? initial.policy;
  const references = rulesOf(view.settings).references;

  useEffect(() => form.setFieldsValue(initial), [form, initial]);

  const submit = (values: QualityFormValues) =>
    save.mutate(
      { resourceId, body: bodyOf(values, fields, { references }) },
      { onSuccess: () => void message.success(t('data.quality.saved')) },
    );

  return (
    <Form<QualityFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={!canEdit}
      onFinish={submit}
      data-testid="quality-form"
      scrollToFirstError
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        <Card title={title(t('data.quality.ownerHeading'), 'quality-owner-heading')}>
          <Form.Item name="ownerUserId" label={t('data.quality.owner')} extra={t('data.quality.ownerHelp')} style={{ marginBottom: 0 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={owners.loading}
              options={[...owners.options]}
              placeholder={t('data.owner.none')}
              style={{ maxWidth: 420 }}
              data-testid="quality-owner"
            />
          </Form.Item>
        </Card>
        <Card title={title(t('data.quality.policyHeading'), 'quality-policy-heading')}>
          <Form.Item name="policy" label={t('data.quality.policy')}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 10 }} data-testid="quality-policy">
              {(['reject', 'quarantine'] as const).map((value) => (
                <Radio key={value} value={value} data-testid={`quality-policy-${value}`}>
                  <Typography.Text strong={policy === value}>{t(`data.policy.${value}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {t(`data.policy.${value}Help`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="thresholdPercent"
            label={t('data.quality.threshold')}
            extra={policy === 'reject' ? t('data.quality.thresholdHelp') : t('data.quality.thresholdUnused')}
            rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('data.quality.thresholdRange') }]}
            style={{ marginBottom: 0 }}
          >
            <InputNumber
              min={0}
              max={100}
              step={0.5}
              precision={1}
              suffix="%"
              disabled={!canEdit || policy !== 'reject'}
              data-testid="quality-threshold"
            />
          </Form.Item>
        </Card>
        <Card title={title(t('data.quality.rulesHeading'), 'quality-rules-heading')}>
          <RulesSection fields={fields} disabled={!canEdit} referenceCount={references.length} />
        </Card>
        {canEdit ? (
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="quality-save">
              {t('common.save')}
            </Button>
            <LinkButton to={dataPath(resourceId)} disabled={false}>
              {t('data.backToData')}
            </LinkButton>
          </Flex>
        ) : null}
      </Space>
    </Form>
  );
}

export function QualitySettingsPage() {
  const { t } = useI18n();
  const { resourceId = '' } = useParams();
  const resource = useCatalogResource(resourceId);
  const quality = useDataQuality(resourceId);
  const access = useDataAccess(resource.data?.provider.id, quality.data?.settings.ownerUserId ?? null);
  const crumbs = dataCrumbs(t, resource.data, resourceId);

  if (resource.isPending || quality.isPending) return <PageLoading />;
  const metadata = resource.data?.current?.metadata;
  if (!quality.data || !metadata || !resource.data) {
    return (
      <>
        <PageHeader title={t('data.quality.heading')} crumbs={crumbs} />
        <ErrorAlert error={quality.error ?? resource.error} onRetry={() => void quality.refetch()} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('data.quality.heading')} crumbs={crumbs} description={t('data.quality.intro', { name: metadata.name })} />
      {!access.editQuality ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('data.quality.readOnly')} /> : null}
      <SettingsForm
        resourceId={resourceId}
        providerId={resource.data.provider.id}
        view={quality.data}
        fields={metadata.fields}
        canEdit={access.editQuality}
      />
    </>
  );
}
