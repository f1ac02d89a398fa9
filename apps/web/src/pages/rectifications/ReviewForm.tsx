import type { Rectification } from '@gongshu/contracts';
import { App, Button, Flex, Form, Input, Typography } from 'antd';
import { useReviewRectification } from '../../api/rectifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/** The bureau closes the order, or returns the report for another term (R35.1); a comment is required. */
export function ReviewForm({ order }: { readonly order: Rectification }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const review = useReviewRectification();

  const decide = async (accepted: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const send = () =>
      review.mutateAsync({ id: order.id, accepted, comment: values.comment.trim() }).then(() => {
        void message.success(t(accepted ? 'rect.review.closed' : 'rect.review.returned'));
        form.resetFields();
      });
    if (accepted) {
      // A refusal shows above the form, from the mutation's state.
      send().catch(() => undefined);
      return;
    }
    // Returning starts another term for the agency: asked once more.
    modal.confirm({
      title: t('rect.review.return'),
      content: t('rect.review.returnHelp', { days: order.termWorkingDays }),
      okText: t('rect.review.return'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => send().catch(() => undefined),
    });
  };

  return (
    <Form form={form} layout="vertical" data-testid="rectification-review-form">
      {review.isError ? <ErrorAlert error={review.error} /> : null}
      <Form.Item
        name="comment"
        label={t('rect.review.comment')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('rect.review.comment') }) }, { max: 2000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('rect.review.returnHelp', { days: order.termWorkingDays })}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button type="primary" loading={review.isPending} onClick={() => void decide(true)} data-testid="rectification-close">
          {t('rect.review.close')}
        </Button>
        <Button danger loading={review.isPending} onClick={() => void decide(false)} data-testid="rectification-return">
          {t('rect.review.return')}
        </Button>
      </Flex>
    </Form>
  );
}
