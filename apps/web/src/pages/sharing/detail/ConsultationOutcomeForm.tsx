import { App, Button, Form, Input, Radio } from 'antd';
import { useDecideConsultation, type ShareRequestDetail } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';
import { FieldChooser } from '../shared/FieldChooser';

interface OutcomeValues {
  grant: boolean;
  note: string;
  fields?: string[];
}

/** The bureau records the outcome that decides the request: a grant (with its fields) or closing it (R16.2). */
export function ConsultationOutcomeForm({ request }: { readonly request: ShareRequestDetail }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<OutcomeValues>();
  const decide = useDecideConsultation();
  const grant = Form.useWatch('grant', form) ?? true;
  const send = (values: OutcomeValues) => {
    modal.confirm({
      title: t('share.consult.decide'),
      content: t(values.grant ? 'share.consult.confirmGrant' : 'share.consult.confirmClose'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        decide
          .mutateAsync({
            id: request.id,
            body: {
              grant: values.grant,
              note: values.note.trim(),
              ...(values.grant && values.fields && request.fields.length > 0 ? { fields: values.fields } : {}),
            },
          })
          .then(() => void message.success(t('share.consult.decided')))
          .catch(() => undefined),
    });
  };
  return (
    <Form<OutcomeValues>
      form={form}
      layout="vertical"
      initialValues={{ grant: true, fields: request.fields.map((field) => field.code) }}
      onFinish={send}
      data-testid="consultation-outcome-form"
    >
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      <Form.Item<OutcomeValues> name="grant" label={t('share.consult.outcome')}>
        <Radio.Group
          options={[
            { value: true, label: t('share.consult.outcome.grant') },
            { value: false, label: t('share.consult.outcome.close') },
          ]}
        />
      </Form.Item>
      {grant && request.fields.length > 0 ? (
        <Form.Item<OutcomeValues> name="fields" label={t('share.provider.fields')}>
          <FieldChooser fields={request.fields} testId="outcome-fields" />
        </Form.Item>
      ) : null}
      <Form.Item<OutcomeValues>
        name="note"
        label={t('share.consult.note')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('share.consult.note') }) },
          { min: 2, max: 2000 },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="consultation-note" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="consultation-decide">
        {t('share.consult.decide')}
      </Button>
    </Form>
  );
}
