import type { Rectification } from '@gongshu/contracts';
import { App, Button, Form, Input, Typography } from 'antd';
import { useReportRectification } from '../../api/rectifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

/** The agency's data steward reports what was rectified (R8.1, R35.1); the term's clock stops. */
export function ReportForm({ order }: { readonly order: Rectification }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ report: string }>();
  const report = useReportRectification();
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="rectification-report-form"
      onFinish={(values) =>
        report.mutate(
          { id: order.id, report: values.report.trim() },
          {
            onSuccess: () => {
              void message.success(t('rect.report.done'));
              form.resetFields();
            },
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('rect.report.help')}</Typography.Paragraph>
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      <Form.Item
        name="report"
        label={t('rect.report.field')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('rect.report.field') }) },
          { min: 2, max: 5000 },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={report.isPending} data-testid="rectification-report-submit">
        {t('rect.report.submit')}
      </Button>
    </Form>
  );
}
