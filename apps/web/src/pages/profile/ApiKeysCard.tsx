import type { ApiKey } from '@gongshu/contracts';
import { App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../../api/apiKeys';
import { errorText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { ApiKeySecretModal, type IssuedKey } from './ApiKeySecretModal';
import { EmptyText } from '../../components/EmptyText';

const STATE_COLOR = { active: 'success', revoked: 'default', expired: 'warning' } as const;

/** One's own API keys: list with state, create (secret shown once), revoke after confirmation. */
export function ApiKeysCard() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [form] = Form.useForm<{ name: string; expiresInDays: number }>();

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    try {
      const result = await create.mutateAsync({ name: values.name.trim(), expiresInDays: values.expiresInDays });
      setCreating(false);
      form.resetFields();
      setIssued({ name: result.key.name, secret: result.secret });
    } catch (error) {
      const text = errorText(error, lang);
      form.setFields([{ name: 'name', errors: [text.message] }]);
    }
  };

  const doRevoke = async (key: ApiKey) => {
    try {
      await revoke.mutateAsync(key.id);
      void message.success(t('apiKeys.revoked', { name: key.name }));
    } catch (error) {
      void message.error(errorText(error, lang).message);
    }
  };

  return (
    <Card
      title={<h2 className="gs-card-title">{t('apiKeys.heading')}</h2>}
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="api-key-create">
          {t('apiKeys.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
      {keys.isError ? (
        <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />
      ) : (
        <Table<ApiKey>
          rowKey="id"
          size="small"
          loading={keys.isPending}
          dataSource={keys.data ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          locale={{ emptyText: <EmptyText>{t('apiKeys.empty')}</EmptyText> }}
          data-testid="api-key-table"
          columns={[
            { key: 'name', title: t('apiKeys.name'), dataIndex: 'name' },
            { key: 'prefix', title: t('apiKeys.prefix'), render: (_, key) => <code>{key.prefix}…</code> },
            {
              key: 'state',
              title: t('apiKeys.state'),
              render: (_, key) => <Tag color={STATE_COLOR[key.state]}>{t(`apiKeys.state.${key.state}`)}</Tag>,
            },
            { key: 'created', title: t('apiKeys.createdAt'), render: (_, key) => formatDateTime(lang, key.createdAt) },
            { key: 'expires', title: t('apiKeys.expiresAt'), render: (_, key) => formatDateTime(lang, key.expiresAt) },
            {
              key: 'used',
              title: t('apiKeys.lastUsedAt'),
              render: (_, key) => (key.lastUsedAt ? formatDateTime(lang, key.lastUsedAt) : t('apiKeys.never')),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, key) =>
                key.state === 'active' ? (
                  <Popconfirm
                    title={t('apiKeys.confirmRevoke', { name: key.name })}
                    okText={t('apiKeys.revoke')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void doRevoke(key)}
                  >
                    <Button type="link" danger size="small">
                      {t('apiKeys.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
      <Modal
        open={creating}
        title={t('apiKeys.createTitle')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending}
        onOk={() => void submit()}
        onCancel={() => setCreating(false)}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ expiresInDays: 90 }} data-testid="api-key-form">
          <Form.Item
            name="name"
            label={t('apiKeys.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('apiKeys.name') }) }, { max: 100 }]}
          >
            <Input maxLength={100} placeholder={t('apiKeys.namePlaceholder')} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="expiresInDays"
            label={t('apiKeys.days')}
            extra={t('apiKeys.daysHelp')}
            rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('apiKeys.daysHelp') }]}
          >
            <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Modal>
      <ApiKeySecretModal issued={issued} onClose={() => setIssued(null)} />
    </Card>
  );
}
