import { App, Button, Form, Input, Select } from 'antd';
import { useAgencies } from '../../../api/agencies';
import { useOpenConsultation, type ShareRequestDetail } from '../../../api/sharing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';

interface OpenValues {
  reason: string;
  participantAgencyIds: string[];
}

/**
 * The bureau finds a rejection's reasons insufficient and opens a consultation among the agencies
 * (R16.2): why, and who takes part (the requester and provider by default).
 */
export function OpenConsultationForm({ request }: { readonly request: ShareRequestDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenValues>();
  const agencies = useAgencies();
  const open = useOpenConsultation();
  const initial = [request.requester.id, ...(request.provider ? [request.provider.id] : [])];
  return (
    <Form<OpenValues>
      form={form}
      layout="vertical"
      initialValues={{ participantAgencyIds: initial }}
      data-testid="consultation-open-form"
      onFinish={(values) =>
        open.mutate(
          { id: request.id, body: { reason: values.reason.trim(), participantAgencyIds: values.participantAgencyIds } },
          { onSuccess: () => void message.success(t('share.consult.opened')) },
        )
      }
    >
      {open.isError ? <ErrorAlert error={open.error} /> : null}
      <Form.Item<OpenValues>
        name="reason"
        label={t('share.consult.reason')}
        extra={t('share.consult.reasonHelp')}
        rules={[
          { required: true, whitespace: true, message: t('common.required', { field: t('share.consult.reason') }) },
          { min: 2, max: 2000 },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="consultation-reason" />
      </Form.Item>
      <Form.Item<OpenValues>
        name="participantAgencyIds"
        label={t('share.consult.participants')}
        rules={[{ required: true, type: 'array', min: 1, message: t('common.requiredSelect', { field: t('share.consult.participants') }) }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          loading={agencies.isPending}
          options={(agencies.data ?? []).filter((agency) => agency.active).map((agency) => ({ value: agency.id, label: agency.name }))}
          data-testid="consultation-participants"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="consultation-open">
        {t('share.consult.open')}
      </Button>
    </Form>
  );
}
