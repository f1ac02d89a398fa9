/**
 * One service provider (R30.1): its agreement, the accounts of its staff (link and unlink), and
 * ending the agreement early with a reason. Managing needs provider.manage; the server also checks
 * that a steward acts for its own agency.
 */
import type { ServiceProviderDetail } from '@gongshu/contracts';
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useEndProvider, useLinkProviderAccount, useProviderAccountOptions, useServiceProvider } from '../../api/serviceProviders';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { DaysToExpiry, ProviderStatusTag } from './providerLabels';

export interface ProviderDrawerProps {
  readonly providerId: string | null;
  readonly canManage: boolean;
  readonly onClose: () => void;
  readonly onEdit: (detail: ServiceProviderDetail) => void;
}

export function ProviderDrawer({ providerId, canManage, onClose, onEdit }: ProviderDrawerProps) {
  const { t } = useI18n();
  const detail = useServiceProvider(providerId);
  const data = detail.data;
  const active = data?.provider.state === 'active';
  const [ending, setEnding] = useState(false);

  return (
    <Drawer
      open={providerId !== null}
      onClose={onClose}
      size={640}
      title={data?.provider.name ?? t('security.providers.detail.title')}
      data-testid="provider-drawer"
      extra={
        data && canManage && active ? (
          <Space>
            <Button danger onClick={() => setEnding(true)} data-testid="provider-end">
              {t('security.providers.end.button')}
            </Button>
            <Button type="primary" onClick={() => onEdit(data)}>
              {t('common.edit')}
            </Button>
          </Space>
        ) : null
      }
    >
      {detail.isPending && providerId ? (
        <PageLoading />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      ) : data ? (
        <>
          <ProviderFacts detail={data} />
          <Accounts detail={data} canManage={canManage && active} />
          {canManage && active ? <EndModal open={ending} detail={data} onClose={() => setEnding(false)} /> : null}
        </>
      ) : null}
    </Drawer>
  );
}

function ProviderFacts({ detail }: { readonly detail: ServiceProviderDetail }) {
  const { t, lang } = useI18n();
  const p = detail.provider;
  const yes = (value: boolean) => (value ? <Tag color="green">✓</Tag> : <Tag color="red">✗</Tag>);
  return (
    <Descriptions column={1} size="small" bordered>
      <Descriptions.Item label={t('security.providers.col.status')}>
        <Space>
          <ProviderStatusTag status={p.status} />
          <DaysToExpiry provider={p} />
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('security.providers.field.agency')}>{p.agencyName}</Descriptions.Item>
      <Descriptions.Item label={t('security.providers.field.creditCode')}>
        <code>{p.creditCode}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('security.providers.field.agreementNumber')}>{p.agreementNumber}</Descriptions.Item>
      <Descriptions.Item label={t('security.providers.field.serviceScope')}>{p.serviceScope}</Descriptions.Item>
      {p.systems.length > 0 ? (
        <Descriptions.Item label={t('security.providers.field.systems')}>
          {p.systems.map((s) => (
            <Tag key={s}>{s}</Tag>
          ))}
        </Descriptions.Item>
      ) : null}
      {p.contactName || p.contactPhone ? (
        <Descriptions.Item label={t('security.providers.field.contactName')}>
          {[p.contactName, p.contactPhone].filter(Boolean).join('，')}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('security.providers.field.signedOn')}>{p.agreementSignedOn}</Descriptions.Item>
      <Descriptions.Item label={t('security.providers.col.period')}>
        {p.validFrom} ～ {p.validTo}
      </Descriptions.Item>
      <Descriptions.Item label={t('security.providers.field.commitments')}>
        <Flex vertical gap={4}>
          <span>
            {yes(p.noRetention)}
            {t('security.providers.field.noRetention')}
          </span>
          <span>
            {yes(p.noUse)}
            {t('security.providers.field.noUse')}
          </span>
          <span>
            {yes(p.noOnwardTransfer)}
            {t('security.providers.field.noOnwardTransfer')}
          </span>
        </Flex>
      </Descriptions.Item>
      {p.endReason ? (
        <Descriptions.Item label={t('security.providers.detail.endReason')}>
          {p.endReason}（{t('security.providers.detail.endedOn')} {p.endedOn}）
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('security.providers.detail.registered')}>
        {formatDateTime(lang, detail.createdAt)} {detail.createdBy ?? ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('security.providers.detail.updated')}>
        {formatDateTime(lang, p.updatedAt)} {detail.updatedBy ?? ''}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Accounts({ detail, canManage }: { readonly detail: ServiceProviderDetail; readonly canManage: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const id = detail.provider.id;
  const options = useProviderAccountOptions(id, canManage);
  const link = useLinkProviderAccount();
  const [picked, setPicked] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);

  const change = async (userId: string, name: string, linking: boolean) => {
    setError(null);
    try {
      await link.mutateAsync({ id, userId, link: linking });
      void message.success(t(linking ? 'security.providers.accounts.linked' : 'security.providers.accounts.unlinked', { name }));
      setPicked(undefined);
      void options.refetch();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="provider-accounts" style={{ marginTop: 20 }}>
      <Typography.Title level={2} id="provider-accounts" style={{ fontSize: 15, margin: '0 0 8px' }}>
        {t('security.providers.accounts.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('security.providers.accounts.help')}</Typography.Paragraph>
      {error ? <ErrorAlert error={error} /> : null}
      <List
        size="small"
        bordered
        data-testid="provider-accounts"
        locale={{ emptyText: t('security.providers.accounts.empty') }}
        dataSource={detail.accounts}
        renderItem={(a) => (
          <List.Item
            actions={
              canManage
                ? [
                    <Button key="unlink" size="small" onClick={() => void change(a.id, a.displayName, false)} loading={link.isPending}>
                      {t('security.providers.accounts.unlink')}
                    </Button>,
                  ]
                : []
            }
          >
            <span>
              {a.displayName} <code>{a.username}</code>{' '}
              {a.agencyName ? <Typography.Text type="secondary">{a.agencyName}</Typography.Text> : null}{' '}
              {a.disabled ? <Tag>{t('security.providers.accounts.disabled')}</Tag> : null}
            </span>
          </List.Item>
        )}
      />
      {canManage ? (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1 }}
            aria-label={t('security.providers.accounts.pick')}
            placeholder={t('security.providers.accounts.pick')}
            loading={options.isPending}
            value={picked}
            onChange={(value: string) => setPicked(value)}
            options={(options.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}，${a.agencyName ?? ''}）` }))}
          />
          <Button
            type="primary"
            disabled={!picked}
            loading={link.isPending}
            onClick={() => {
              const account = options.data?.find((a) => a.id === picked);
              if (account) void change(account.id, account.displayName, true);
            }}
            data-testid="provider-link"
          >
            {t('security.providers.accounts.link')}
          </Button>
        </Flex>
      ) : null}
    </section>
  );
}

function EndModal({
  open,
  detail,
  onClose,
}: {
  readonly open: boolean;
  readonly detail: ServiceProviderDetail;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'ended' | 'terminated'; reason: string }>();
  const end = useEndProvider();
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setError(null);
    try {
      await end.mutateAsync({ id: detail.provider.id, kind: values.kind, reason: values.reason.trim() });
      void message.success(t('security.providers.end.done', { name: detail.provider.name }));
      form.resetFields();
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('security.providers.end.title', { name: detail.provider.name })}
      okText={t('security.providers.end.button')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={end.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert type="warning" showIcon title={t('security.providers.end.warning')} style={{ marginBottom: 16 }} />
      {error ? <ErrorAlert error={error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'ended' }} data-testid="provider-end-form">
        <Form.Item name="kind" label={t('security.providers.end.kind')}>
          <Radio.Group
            options={[
              { value: 'ended', label: t('security.providers.end.ended') },
              { value: 'terminated', label: t('security.providers.end.terminated') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('security.providers.end.reason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('common.required', { field: t('security.providers.end.reason') }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
