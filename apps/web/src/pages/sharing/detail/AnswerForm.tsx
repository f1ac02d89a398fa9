import { App, Button, Form, Input, Radio } from 'antd';
import { useAnswerDemand, type ShareRequestDetail } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

interface AnswerValues {
  willShare: boolean;
  text: string;
}

/** The provider's assessment of a demand and its answer within 10 working days (R14.3). */
export function AnswerForm({ request }: { readonly request: ShareRequestDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerValues>();
  const answer = useAnswerDemand();
  return (
    <Form<AnswerValues>
      form={form}
      layout="vertical"
      initialValues={{ willShare: true }}
      data-testid="answer-form"
      onFinish={(values) =>
        answer.mutate(
          { id: request.id, body: { willShare: values.willShare, text: values.text.trim() } },
          { onSuccess: () => void message.success(t('share.answer.done')) },
        )
      }
    >
      {answer.isError ? <ErrorAlert error={answer.error} /> : null}
      <Form.Item<AnswerValues> name="willShare" label={t('share.answer.willShare')}>
        <Radio.Group
          options={[
            { value: true, label: t('share.answer.yes') },
            { value: false, label: t('share.answer.no') },
          ]}
        />
      </Form.Item>
      <Form.Item<AnswerValues>
        name="text"
        label={t('share.answer.text')}
        extra={t('share.answer.textHelp')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('share.answer.text') }) },
          { min: 2, max: 2000 },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="answer-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="answer-send">
        {t('share.answer.send')}
      </Button>
    </Form>
  );
}
