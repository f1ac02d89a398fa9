import { App, Button, Form, Input, Select } from 'antd';
import { useUpperResult, type ShareRequestDetail, type UpperResultInput } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

interface UpperValues {
  reference?: string;
  result: UpperResultInput['result'];
  note?: string;
}

const RESULTS: readonly UpperResultInput['result'][] = ['pending', 'granted', 'refused'];

/** The bureau records the upper-level node's reference and result of an escalated request (R15.1). */
export function UpperResultForm({ request }: { readonly request: ShareRequestDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpperValues>();
  const record = useUpperResult();
  return (
    <Form<UpperValues>
      form={form}
      layout="vertical"
      initialValues={{ result: 'pending', reference: request.upperReference ?? undefined }}
      data-testid="upper-form"
      onFinish={(values) =>
        record.mutate(
          {
            id: request.id,
            body: {
              result: values.result,
              ...(values.reference?.trim() ? { reference: values.reference.trim() } : {}),
              ...(values.note?.trim() ? { note: values.note.trim() } : {}),
            },
          },
          { onSuccess: () => void message.success(t('share.upper.recorded')) },
        )
      }
    >
      {record.isError ? <ErrorAlert error={record.error} /> : null}
      <Form.Item<UpperValues> name="reference" label={t('share.upper.reference')} rules={[{ max: 200 }]}>
        <Input maxLength={200} autoComplete="off" data-testid="upper-reference" />
      </Form.Item>
      <Form.Item<UpperValues> name="result" label={t('share.upper.result')}>
        <Select options={RESULTS.map((value) => ({ value, label: t(`share.upper.result.${value}`) }))} data-testid="upper-result" />
      </Form.Item>
      <Form.Item<UpperValues> name="note" label={t('share.decide.comment')} rules={[{ max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="upper-send">
        {t('share.upper.send')}
      </Button>
    </Form>
  );
}
