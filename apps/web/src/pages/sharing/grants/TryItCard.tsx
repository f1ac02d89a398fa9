import { Alert, Button, Card, Descriptions, Flex, Form, Input, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { queryKeys } from '../../../api/queryKeys';
import { extractUrl, useExitLookup, type ExtractFormat, type Grant } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';
import { ProvenanceFacts } from './ProvenanceFacts';
import { CardTitle } from '../../../components/CardTitle';

const FORMATS: readonly ExtractFormat[] = ['csv', 'xlsx', 'json'];
/** The extract streams in the background: the log is asked again once it has had time to be written. */
const LOG_REFRESH_MS = 2000;

/**
 * 试用: the consumer's people call the one exit as their systems would (R7.1, R29.1): a lookup by
 * the resource's identifier shows the record with only the granted fields, masked, and its
 * provenance; a bulk extract downloads CSV, XLSX or JSON carrying the grant's fingerprint. Each
 * call is a delivery in the log.
 */
export function TryItCard({ grant }: { readonly grant: Grant }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ key: string }>();
  const lookup = useExitLookup();
  const labelId = useId();
  const result = lookup.data;
  const active = grant.status === 'active';

  return (
    <Card title={<CardTitle testId="section-try">{t('share.try.heading')}</CardTitle>}>
      <Typography.Paragraph type="secondary">{t('share.try.intro')}</Typography.Paragraph>
      {!active ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('share.try.inactive')} /> : null}
      <Form<{ key: string }>
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        data-testid="try-lookup-form"
        onFinish={(values) => lookup.mutate({ grantId: grant.id, key: values.key.trim() })}
      >
        <Form.Item
          name="key"
          label={t('share.try.key')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('share.try.key') }) }, { max: 100 }]}
        >
          <Input
            maxLength={100}
            autoComplete="off"
            style={{ width: 260 }}
            placeholder={t('share.try.keyPlaceholder')}
            data-testid="try-key"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={lookup.isPending} data-testid="try-lookup">
            {t('share.try.lookup')}
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {lookup.isError ? <ErrorAlert error={lookup.error} title={t('share.try.refused')} /> : null}
        {result ? (
          <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="try-result">
            {result.record ? (
              <Descriptions
                size="small"
                column={1}
                bordered
                title={<h3 className="gs-subheading">{t('share.try.record')}</h3>}
                data-testid="try-record"
                items={Object.entries(result.record).map(([code, value]) => ({
                  key: code,
                  label: grant.fields.find((field) => field.code === code)?.name ?? code,
                  children: (
                    <span data-testid="try-value" data-code={code}>
                      {value === null ? '—' : String(value)}
                    </span>
                  ),
                }))}
              />
            ) : (
              <Alert type="info" showIcon title={t('share.try.notFound')} data-testid="try-not-found" />
            )}
            <h3 className="gs-subheading">{t('share.try.provenance')}</h3>
            <ProvenanceFacts provenance={result.provenance} />
          </Space>
        ) : null}
      </div>
      <h3 className="gs-subheading" id={labelId} style={{ marginTop: 20 }}>
        {t('share.try.extract')}
      </h3>
      <Typography.Paragraph type="secondary">{t('share.try.extractHelp')}</Typography.Paragraph>
      <Flex gap={8} wrap role="group" aria-labelledby={labelId}>
        {FORMATS.map((format) => (
          <Button
            key={format}
            href={extractUrl(grant.id, format)}
            download
            disabled={!active}
            data-testid={`try-extract-${format}`}
            onClick={() =>
              window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: queryKeys.grantLog(grant.id) }), LOG_REFRESH_MS)
            }
          >
            {t(`share.try.extract.${format}`)}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
