import { App, Button, Card, Flex, Form, Select, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useAgencyKeys, useSetGrantKeys, type Grant } from '../../../api/sharing';
import { EmptyText } from '../../../components/EmptyText';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';
import { chinaDate } from '../../shared/labels';
import { CardTitle } from '../../../components/CardTitle';

type GrantKey = Grant['apiKeys'][number];

/**
 * The consumer's systems allowed to call under the grant (API keys): any other key is refused at
 * the exit (R7.1, R17.2). The consumer's data steward names them here.
 */
export function GrantKeysCard({ grant, canEdit }: { readonly grant: Grant; readonly canEdit: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ apiKeyIds: string[] }>();
  const keys = useAgencyKeys(canEdit);
  const save = useSetGrantKeys();
  useEffect(() => form.setFieldsValue({ apiKeyIds: grant.apiKeys.map((key) => key.id) }), [form, grant.apiKeys]);

  return (
    <Card title={<CardTitle testId="section-grant-keys">{t('share.grant.keysHeading')}</CardTitle>}>
      <Typography.Paragraph type="secondary">{t('share.grant.keysIntro')}</Typography.Paragraph>
      <Table<GrantKey>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={grant.apiKeys}
        data-testid="grant-keys"
        locale={{ emptyText: <EmptyText>{t('share.grant.keysEmpty')}</EmptyText> }}
        columns={[
          { key: 'name', title: t('apiKeys.name'), dataIndex: 'name' },
          { key: 'prefix', title: t('apiKeys.prefix'), render: (_, key) => <code>{key.prefix}…</code> },
          { key: 'owner', title: t('share.key.owner'), dataIndex: 'owner' },
        ]}
      />
      {canEdit ? (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          data-testid="grant-keys-form"
          onFinish={(values) =>
            save.mutate(
              { id: grant.id, apiKeyIds: values.apiKeyIds },
              { onSuccess: () => void message.success(t('share.grant.keysSaved')) },
            )
          }
        >
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <Form.Item
            name="apiKeyIds"
            label={t('share.grant.keysEdit')}
            extra={
              <span>
                {t('share.wizard.systemsHelp')}{' '}
                <Link to="/profile" className="gs-text-link">
                  {t('share.wizard.systemsProfile')}
                </Link>
              </span>
            }
          >
            <Select
              mode="multiple"
              loading={keys.isPending}
              options={[
                ...(keys.data ?? []).map((key) => ({
                  value: key.id,
                  label: t('share.key.option', { name: key.name, prefix: key.prefix, owner: key.owner, expires: chinaDate(key.expiresAt) }),
                })),
                // Keys on the grant that are no longer valid still show by name, so they can be removed.
                ...grant.apiKeys
                  .filter((key) => !keys.data?.some((valid) => valid.id === key.id))
                  .map((key) => ({ value: key.id, label: t('share.key.short', { name: key.name, prefix: key.prefix }) })),
              ]}
              placeholder={t('share.wizard.systemsPlaceholder')}
              data-testid="grant-keys-select"
            />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="grant-keys-save">
              {t('common.save')}
            </Button>
          </Flex>
        </Form>
      ) : null}
    </Card>
  );
}
