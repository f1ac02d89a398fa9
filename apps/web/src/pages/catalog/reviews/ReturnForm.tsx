import type { CatalogVersion } from '@gongshu/contracts';
import { App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useReturnVersion } from '../../../api/catalog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

interface ReturnValues {
  reasons: { reason?: string; legalBasis?: string }[];
}

const MAX_REASONS = 20;

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
      <Form.List
        name="reasons"
        rules={[
          {
            validator: async (_, reasons: unknown[] | undefined) => {
              if (!reasons || reasons.length === 0) throw new Error(t('catalog.review.reasonsRequired'));
            },
          },
        ]}
      >
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row, index) => (
              <Card
                key={row.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={<h3 className="gs-card-title">{t('catalog.review.reasonN', { n: index + 1 })}</h3>}
                extra={
                  rows.length > 1 ? (
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() => remove(row.name)}
                      aria-label={t('catalog.review.removeReasonN', { n: index + 1 })}
                    >
                      {t('catalog.fields.remove')}
                    </Button>
                  ) : null
                }
                data-testid="return-reason"
              >
                <Form.Item
                  name={[row.name, 'reason']}
                  label={t('catalog.review.reason')}
                  rules={[
                    { required: true, whitespace: true, message: t('common.required', { field: t('catalog.review.reason') }) },
                    { min: 2, max: 1000 },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount data-testid="return-reason-text" />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'legalBasis']}
                  label={t('catalog.review.legalBasis')}
                  rules={[{ max: 500 }]}
                  style={{ marginBottom: 0 }}
                >
                  <Input maxLength={500} autoComplete="off" placeholder={t('catalog.review.legalBasisPlaceholder')} />
                </Form.Item>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Flex gap={8} wrap>
              <Button onClick={() => add({})} disabled={rows.length >= MAX_REASONS} data-testid="return-add">
                {t('catalog.review.addReason')}
              </Button>
              <Button danger type="primary" htmlType="submit" loading={send.isPending} data-testid="review-return">
                {t('catalog.review.return')}
              </Button>
            </Flex>
          </>
        )}
      </Form.List>
    </Form>
  );
}
