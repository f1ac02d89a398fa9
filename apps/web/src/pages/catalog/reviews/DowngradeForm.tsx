import type { CatalogVersion } from '@gongshu/contracts';
import { App, Button, Flex, Form, Input, Typography } from 'antd';
import { useDecideDowngrade } from '../../../api/catalog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

/**
 * 降级审批 (R18.3, bureau administrators): lowering an open or share attribute needs the bureau's
 * own approval. Approving publishes the change; refusing returns it to the provider with the comment.
 */
export function DowngradeForm({ version }: { readonly version: CatalogVersion }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const decide = useDecideDowngrade();

  const send = async (approved: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    decide.mutate(
      { id: version.id, approved, comment: values.comment.trim() },
      {
        onSuccess: () => {
          void message.success(t(approved ? 'catalog.downgrade.approved' : 'catalog.downgrade.refused'));
          form.resetFields();
        },
      },
    );
  };

  return (
    <Form form={form} layout="vertical" data-testid="downgrade-form">
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      <Typography.Paragraph type="secondary">
        {t('catalog.downgrade.help', {
          attributes: version.downgrades.map((attribute) => t(`catalog.downgrade.${attribute}`)).join(t('common.listSeparator')),
        })}
      </Typography.Paragraph>
      <Form.Item
        name="comment"
        label={t('catalog.downgrade.comment')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('catalog.downgrade.comment') }) },
          { min: 2, max: 2000 },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="downgrade-comment" />
      </Form.Item>
      <Flex gap={8} wrap>
        <Button type="primary" loading={decide.isPending} onClick={() => void send(true)} data-testid="downgrade-approve">
          {t('catalog.downgrade.approve')}
        </Button>
        <Button danger loading={decide.isPending} onClick={() => void send(false)} data-testid="downgrade-refuse">
          {t('catalog.downgrade.refuse')}
        </Button>
      </Flex>
    </Form>
  );
}
