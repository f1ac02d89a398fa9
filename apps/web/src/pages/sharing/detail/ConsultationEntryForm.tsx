import { App, Button, Form, Input } from 'antd';
import { useAddConsultationEntry, type ShareRequestDetail } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

/** A participant adds to the record of the consultation (R16.2). */
export function ConsultationEntryForm({ request }: { readonly request: ShareRequestDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const add = useAddConsultationEntry();
  return (
    <Form<{ text: string }>
      form={form}
      layout="vertical"
      data-testid="consultation-entry-form"
      onFinish={(values) =>
        add.mutate(
          { id: request.id, body: { text: values.text.trim() } },
          {
            onSuccess: () => {
              void message.success(t('share.consult.added'));
              form.resetFields();
            },
          },
        )
      }
    >
      {add.isError ? <ErrorAlert error={add.error} /> : null}
      <Form.Item<{ text: string }>
        name="text"
        label={t('share.consult.entry')}
        rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('share.consult.entry') }) }, { max: 5000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount data-testid="consultation-entry" />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending} data-testid="consultation-add">
        {t('share.consult.add')}
      </Button>
    </Form>
  );
}
