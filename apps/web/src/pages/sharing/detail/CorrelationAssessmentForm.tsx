import { App, Button, Form, Input, Radio } from 'antd';
import { useRecordAssessment, type AssessmentInput } from '../../../api/correlation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

type Values = { conclusion: AssessmentInput['conclusion']; opinion: string; measures?: string; basis: string };

/** A security supervisor's or bureau administrator's assessment of the correlation (R31.1); a refusal asks for confirmation. */
export function CorrelationAssessmentForm({ requestId }: { readonly requestId: string }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const record = useRecordAssessment();
  const [form] = Form.useForm<Values>();
  const conclusion = Form.useWatch('conclusion', form) ?? 'permit';

  const send = (values: Values) => {
    const body: AssessmentInput = {
      conclusion: values.conclusion,
      opinion: values.opinion.trim(),
      basis: values.basis.trim(),
      ...(values.measures?.trim() ? { measures: values.measures.trim() } : {}),
    };
    const go = () =>
      record
        .mutateAsync({ id: requestId, body })
        .then(() => {
          void message.success(t('correlation.form.saved'));
          form.resetFields();
        })
        .catch(() => undefined);
    if (values.conclusion !== 'refuse') return void go();
    modal.confirm({
      title: t('correlation.conclusion.refuse'),
      content: t('correlation.form.refuseConfirm'),
      okButtonProps: { danger: true },
      okText: t('correlation.form.submit'),
      cancelText: t('common.cancel'),
      onOk: go,
    });
  };

  const required = [{ required: true, whitespace: true, message: t('correlation.form.required') }];
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ conclusion: 'permit' }} onFinish={send} data-testid="correlation-form">
      {record.error ? <ErrorAlert error={record.error} /> : null}
      <Form.Item name="conclusion" label={t('correlation.form.conclusion')}>
        <Radio.Group optionType="button" buttonStyle="solid">
          {(['permit', 'permit_with_conditions', 'refuse'] as const).map((c) => (
            <Radio.Button key={c} value={c} data-testid={`correlation-choose-${c}`}>
              {t(`correlation.conclusion.${c}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="opinion" label={t('correlation.form.opinion')} extra={t('correlation.form.opinionHelp')} rules={required}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="correlation-opinion" />
      </Form.Item>
      {conclusion === 'permit_with_conditions' ? (
        <Form.Item name="measures" label={t('correlation.form.measures')} extra={t('correlation.form.measuresHelp')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} data-testid="correlation-measures" />
        </Form.Item>
      ) : null}
      <Form.Item name="basis" label={t('correlation.form.basis')} extra={t('correlation.form.basisHelp')} rules={required}>
        <Input maxLength={2000} data-testid="correlation-basis" />
      </Form.Item>
      <Button type="primary" danger={conclusion === 'refuse'} htmlType="submit" loading={record.isPending} data-testid="correlation-submit">
        {t('correlation.form.submit')}
      </Button>
    </Form>
  );
}
