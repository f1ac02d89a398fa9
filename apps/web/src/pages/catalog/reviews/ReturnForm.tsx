import type { CatalogVersion } from '@gongshu/contracts';
import { App, Button, Form, Typography } from 'antd';
import { useReturnVersion } from '../../../api/catalog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ReasonsFields } from '../../../components/ReasonsFields';
import { useT } from '../../../i18n/useT';

interface ReturnValues {
  reasons: { reason?: string; legalBasis?: string }[];
}

/**
 * 退回: every specific reason at once, each with its legal basis where there is one (R16.1); the
 * provider is notified and fixes the version in one pass.
 */
export function ReturnForm({ version }: { readonly version: CatalogVersion }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ReturnValues>();
  const send = useReturnVersion();

  const submit = (values: ReturnValues) => {
    const reasons = values.reasons.map((entry) => ({ reason: (entry.reason ?? '').trim(), legalBasis: entry.legalBasis?.trim() || null }));
    modal.confirm({
      title: t('catalog.review.return'),
      content: t('catalog.review.returnConfirm', { count: reasons.length }),
      okText: t('catalog.review.return'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        send
          .mutateAsync({ id: version.id, reasons })
          .then(() => {
            void message.success(t('catalog.review.returned'));
            form.resetFields();
          })
          // A refusal shows above the form, from the mutation's state.
          .catch(() => undefined),
    });
  };

  return (
    <Form<ReturnValues> form={form} layout="vertical" initialValues={{ reasons: [{}] }} onFinish={submit} data-testid="return-form">
      {send.isError ? <ErrorAlert error={send.error} /> : null}
      <Typography.Paragraph type="secondary">{t('catalog.review.returnHelp')}</Typography.Paragraph>
      <ReasonsFields
        name="reasons"
        reasonLabel={t('catalog.review.reason')}
        basisLabel={t('catalog.review.legalBasis')}
        basisRequired={false}
        emptyMessage={t('catalog.review.reasonsRequired')}
        testId="return"
        actions={
          <Button danger type="primary" htmlType="submit" loading={send.isPending} data-testid="review-return">
            {t('catalog.review.return')}
          </Button>
        }
      />
    </Form>
  );
}
