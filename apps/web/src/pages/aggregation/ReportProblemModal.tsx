/**
 * 反馈数据问题 (R12.2): any signed-in user who can see a catalog entry tells its provider that some
 * data is wrong; the report joins the provider's queue of problem data and is tracked until fixed
 * and confirmed.
 */
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useReportProblem } from '../../api/data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';

interface ReportValues {
  recordKey?: string;
  description: string;
}

export interface ReportProblemModalProps {
  readonly open: boolean;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly onClose: () => void;
}

export function ReportProblemModal({ open, resourceId, resourceName, onClose }: ReportProblemModalProps) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const report = useReportProblem();
  const { reset } = report;

  useEffect(() => {
    if (!open) return;
    reset();
    form.resetFields();
  }, [open, reset, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    report.mutate(
      { resourceId, recordKey: values.recordKey?.trim() || null, description: values.description.trim() },
      {
        onSuccess: () => {
          void message.success(t('data.report.done'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      width={600}
      title={t('data.report.title', { name: resourceName })}
      okText={t('data.report.send')}
      cancelText={t('common.cancel')}
      confirmLoading={report.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('data.report.intro')}</Typography.Paragraph>
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      <Form<ReportValues> form={form} layout="vertical" data-testid="report-form">
        <Form.Item
          name="recordKey"
          label={t('data.report.recordKeyOptional')}
          extra={t('data.report.recordKeyHelp')}
          rules={[{ max: 100 }]}
        >
          <Input maxLength={100} data-testid="report-record-key" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('data.report.description')}
          extra={t('data.report.descriptionHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('data.report.description') }) },
            { min: 4, max: 2000, message: t('data.report.descriptionLength') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={2000} showCount data-testid="report-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
