/**
 * 去标识化开放 (/open-admin/derivatives): my agency's de-identified derivatives (the bureau: all),
 * with their state and stored check, and a new one made from a resource that is not opened (R18.4).
 */
import { Button, Card, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  useCreateDerivative,
  useDerivativeSources,
  useManagedDerivatives,
  type DerivativeSummary,
  type Treatment,
} from '../../../api/derivatives';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { CheckTag, StateTag } from './tags';

export function DerivativesAdminPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const list = useManagedDerivatives();
  const [creating, setCreating] = useState(false);
  const rows = list.data ?? [];
  const provider = can('open.provide');

  const columns = [
    {
      title: t('open.derivatives.col.name'),
      dataIndex: 'name',
      render: (name: string, d: DerivativeSummary) => <Link to={`/open-admin/derivatives/${d.id}`}>{name}</Link>,
    },
    { title: t('open.derivatives.col.resource'), render: (_: unknown, d: DerivativeSummary) => d.resource.name },
    { title: t('open.derivatives.col.provider'), render: (_: unknown, d: DerivativeSummary) => d.provider.name },
    { title: t('open.derivatives.col.state'), render: (_: unknown, d: DerivativeSummary) => <StateTag state={d.state} /> },
    { title: t('open.derivatives.col.k'), dataIndex: 'k' },
    { title: t('open.derivatives.col.check'), render: (_: unknown, d: DerivativeSummary) => <CheckTag check={d.check} /> },
    { title: t('open.derivatives.col.rows'), render: (_: unknown, d: DerivativeSummary) => d.rows ?? '—' },
    {
      title: t('open.derivatives.col.publishedAt'),
      render: (_: unknown, d: DerivativeSummary) => (d.publishedAt ? formatDateTime(lang, d.publishedAt) : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('open.derivatives.admin.heading')}
        description={t('open.derivatives.admin.intro')}
        extra={
          provider ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="derivative-new">
              {t('open.derivatives.admin.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        {list.data ? (
          <Typography.Paragraph type="secondary">
            {t('open.derivatives.admin.summary', { total: rows.length, published: rows.filter((d) => d.state === 'published').length })}
          </Typography.Paragraph>
        ) : null}
        {list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<DerivativeSummary>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('open.derivatives.admin.empty') }}
            data-testid="derivatives-table"
          />
        )}
      </Card>
      {creating ? <NewDerivativeModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface NewValues {
  resourceId: string;
  name: string;
  quasiIdentifiers: string[];
}

/** A new derivative: direct identifiers dropped, the rest kept, the chosen quasi-identifiers; then the editor. */
function NewDerivativeModal({ onClose }: { readonly onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const sources = useDerivativeSources(true);
  const create = useCreateDerivative();
  const [form] = Form.useForm<NewValues>();
  const resourceId = Form.useWatch('resourceId', form);
  const source = sources.data?.find((s) => s.id === resourceId);
  const required = [{ required: true, message: t('open.derivatives.new.required') }];

  const submit = async (values: NewValues) => {
    if (!source) return;
    const treatments: Record<string, Treatment> = {};
    for (const f of source.fields) treatments[f.code] = f.directIdentifier ? { kind: 'drop' } : { kind: 'keep' };
    const created = await create.mutateAsync({
      resourceId: values.resourceId,
      name: values.name,
      treatments,
      quasiIdentifiers: values.quasiIdentifiers,
    });
    onClose();
    void navigate(`/open-admin/derivatives/${created.id}`);
  };

  return (
    <Modal
      open
      title={t('open.derivatives.new.title')}
      okText={t('open.derivatives.new.create')}
      cancelText={t('open.derivatives.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {sources.data && sources.data.length === 0 ? (
        <Typography.Paragraph>{t('open.derivatives.new.noSources')}</Typography.Paragraph>
      ) : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Form<NewValues> form={form} layout="vertical" onFinish={(values) => void submit(values).catch(() => undefined)} requiredMark>
        <Form.Item name="resourceId" label={t('open.derivatives.new.source')} extra={t('open.derivatives.new.sourceHint')} rules={required}>
          <Select
            loading={sources.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            options={(sources.data ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.provider.name}）` }))}
            data-testid="derivative-source"
          />
        </Form.Item>
        <Form.Item name="name" label={t('open.derivatives.new.name')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="quasiIdentifiers"
          label={t('open.derivatives.new.quasi')}
          extra={t('open.derivatives.new.quasiHint')}
          rules={required}
        >
          <Select
            mode="multiple"
            disabled={!source}
            options={(source?.fields ?? [])
              .filter((f) => !f.directIdentifier)
              .map((f) => ({ value: f.code, label: `${f.name}（${f.code}）` }))}
          />
        </Form.Item>
      </Form>
      {source ? (
        <div>
          {source.fields
            .filter((f) => f.directIdentifier)
            .map((f) => (
              <Tag key={f.code} color="error" variant="outlined">
                {f.name}：{t('open.derivatives.treatment.drop')}
              </Tag>
            ))}
        </div>
      ) : null}
    </Modal>
  );
}
