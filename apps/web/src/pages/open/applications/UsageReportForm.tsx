import { App, Button, Form, Input } from 'antd';
import { useSubmitUsageReport } from '../../../api/openApplications';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

interface ReportValues {
  built: string;
  outcome: string;
  links?: string;
  protection: string;
}

/** The holder's usage report (R20.1): what was built, with what result, links, and how the data was protected. */
export function UsageReportForm({
  grantId,
  reportId,
  onDone,
}: {
  readonly grantId: string;
  readonly reportId: string;
  readonly onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const submit = useSubmitUsageReport();
  const required = (field: string) => [{ required: true, whitespace: true, min: 2, message: t('common.required', { field }) }];
  return (
    <Form<ReportValues>
      layout="vertical"
      data-testid="usage-report-form"
      onFinish={(values) => {
        void submit
          .mutateAsync({
            grantId,
            reportId,
            body: {
              built: values.built.trim(),
              outcome: values.outcome.trim(),
              links: (values.links ?? '')
                .split('\n')
                .map((l) => l.trim())
                .filter((l) => l !== ''),
              protection: values.protection.trim(),
            },
          })
          .then(() => {
            void message.success(t('open.applications.report.submitted'));
            onDone();
          })
          .catch(() => undefined);
      }}
    >
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      <Form.Item<ReportValues>
        name="built"
        label={t('open.applications.report.built')}
        rules={required(t('open.applications.report.built'))}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="report-built" />
      </Form.Item>
      <Form.Item<ReportValues>
        name="outcome"
        label={t('open.applications.report.outcome')}
        rules={required(t('open.applications.report.outcome'))}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="report-outcome" />
      </Form.Item>
      <Form.Item<ReportValues> name="links" label={t('open.applications.report.links')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} data-testid="report-links" />
      </Form.Item>
      <Form.Item<ReportValues>
        name="protection"
        label={t('open.applications.report.protection')}
        rules={required(t('open.applications.report.protection'))}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="report-protection" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="report-submit">
        {t('open.applications.report.submit')}
      </Button>
    </Form>
  );
}
