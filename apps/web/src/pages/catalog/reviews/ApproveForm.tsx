import type { CatalogVersion } from '@gongshu/contracts';
import { Alert, App, Button, Form, Input } from 'antd';
import { useApproveVersion } from '../../../api/catalog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

/**
 * 通过: publishes the version through the node (R10.2), or, when it lowers an attribute, passes it
 * on to the bureau administrators' approval (R18.3). The comment is optional.
 */
export function ApproveForm({ version }: { readonly version: CatalogVersion }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const approve = useApproveVersion();
  const downgrade = version.downgrades.length > 0;
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="approve-form"
      onFinish={(values) =>
        approve.mutate(
          { id: version.id, comment: values.comment?.trim() || null },
          {
            onSuccess: (result) => {
              void message.success(t(result.state === 'published' ? 'catalog.review.published' : 'catalog.review.passedToDowngrade'));
              form.resetFields();
            },
          },
        )
      }
    >
      {approve.isError ? <ErrorAlert error={approve.error} /> : null}
      {downgrade ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('catalog.review.approveDowngradeNote')} /> : null}
      <Form.Item name="comment" label={t('catalog.review.comment')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid="approve-comment" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={approve.isPending} data-testid="review-approve">
        {t(downgrade ? 'catalog.review.approveToDowngrade' : 'catalog.review.approve')}
      </Button>
    </Form>
  );
}
