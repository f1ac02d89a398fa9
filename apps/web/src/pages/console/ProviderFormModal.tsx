/**
 * Register or edit a third-party service provider (R30.1). The credit code is checked as it is
 * typed (GB 32100, R11.2), the three commitments of the agreement are required, and the server's
 * refusals land on the field they name.
 */
import type { Agency, ServiceProviderDetail, ServiceProviderInput } from '@gongshu/contracts';
import { validateCreditCode } from '@gongshu/domain';
import { App, Checkbox, Col, Divider, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { errorText, formFieldOf } from '../../api/errors';
import { useSaveProvider } from '../../api/serviceProviders';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/useT';

type FormValues = Omit<ServiceProviderInput, 'systems' | 'contactName' | 'contactPhone'> & {
  systems?: string[];
  contactName?: string | null;
  contactPhone?: string | null;
};

const FIELDS: readonly (readonly string[])[] = [
  ['agencyId'],
  ['name'],
  ['creditCode'],
  ['agreementNumber'],
  ['serviceScope'],
  ['systems'],
  ['contactName'],
  ['contactPhone'],
  ['agreementSignedOn'],
  ['validFrom'],
  ['validTo'],
  ['noRetention'],
  ['noUse'],
  ['noOnwardTransfer'],
];
const COMMITMENTS = ['noRetention', 'noUse', 'noOnwardTransfer'] as const;

export interface ProviderFormModalProps {
  readonly open: boolean;
  readonly editing: ServiceProviderDetail | null;
  /** Agencies to contract for (the bureau); empty: the user's own agency. */
  readonly agencies: readonly Agency[];
  readonly onClose: () => void;
  readonly onSaved: (detail: ServiceProviderDetail) => void;
}

export function ProviderFormModal({ open, editing, agencies, onClose, onSaved }: ProviderFormModalProps) {
  const { t, pick, lang } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveProvider();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const ownAgency = me?.user.agency ?? null;

  useEffect(() => {
    if (!open) return;
    setGeneralError(null);
    form.resetFields();
    if (editing) {
      const p = editing.provider;
      form.setFieldsValue({
        agencyId: p.agencyId,
        name: p.name,
        creditCode: p.creditCode,
        agreementNumber: p.agreementNumber,
        serviceScope: p.serviceScope,
        systems: p.systems,
        contactName: p.contactName,
        contactPhone: p.contactPhone,
        agreementSignedOn: p.agreementSignedOn,
        validFrom: p.validFrom,
        validTo: p.validTo,
        noRetention: p.noRetention,
        noUse: p.noUse,
        noOnwardTransfer: p.noOnwardTransfer,
      });
    } else if (agencies.length === 0 && ownAgency) {
      form.setFieldsValue({ agencyId: ownAgency.id });
    }
  }, [open, editing, form, agencies.length, ownAgency]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setGeneralError(null);
    const body: ServiceProviderInput = {
      ...values,
      creditCode: values.creditCode.trim().toUpperCase(),
      systems: values.systems ?? [],
      contactName: values.contactName || null,
      contactPhone: values.contactPhone || null,
      noRetention: Boolean(values.noRetention),
      noUse: Boolean(values.noUse),
      noOnwardTransfer: Boolean(values.noOnwardTransfer),
    };
    try {
      const { agencyId, ...patch } = body;
      const detail = editing
        ? await save.mutateAsync({ id: editing.provider.id, body: patch })
        : await save.mutateAsync({ id: null, body: { ...patch, agencyId } });
      void message.success(t(editing ? 'security.providers.saved' : 'security.providers.created', { name: detail.provider.name }));
      onSaved(detail);
    } catch (error) {
      const text = errorText(error, lang);
      const field = formFieldOf(text.field, FIELDS);
      if (field) {
        const suffix = text.requirement ? `（${text.requirement}）` : '';
        form.setFields([{ name: [...field] as never, errors: [text.message + suffix] }]);
        form.scrollToField([...field] as never);
      } else {
        setGeneralError(error);
      }
    }
  };

  const required = (key: Parameters<typeof t>[0]) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field: t(key) }),
  });
  const agencyOptions =
    agencies.length > 0
      ? agencies.map((a) => ({ value: a.id, label: a.name }))
      : ownAgency
        ? [{ value: ownAgency.id, label: ownAgency.name }]
        : [];

  return (
    <Modal
      open={open}
      title={editing ? t('security.providers.editTitle', { name: editing.provider.name }) : t('security.providers.createTitle')}
      width={760}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      {generalError ? <ErrorAlert error={generalError} /> : null}
      <Form<FormValues> form={form} layout="vertical" data-testid="provider-form" requiredMark>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="agencyId"
              label={t('security.providers.field.agency')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('security.providers.field.agency') }) }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                disabled={Boolean(editing) || agencies.length === 0}
                options={editing ? [{ value: editing.provider.agencyId, label: editing.provider.agencyName }] : agencyOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="agreementNumber"
              label={t('security.providers.field.agreementNumber')}
              rules={[required('security.providers.field.agreementNumber'), { max: 60 }]}
            >
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('security.providers.field.name')}
              rules={[required('security.providers.field.name'), { min: 2, max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t('security.providers.field.creditCode')}
              validateTrigger={['onChange', 'onBlur']}
              rules={[
                required('security.providers.field.creditCode'),
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value || !value.trim()) return;
                    const check = validateCreditCode(value);
                    if (!check.ok) throw new Error(pick(check.message));
                  },
                },
              ]}
            >
              <Input maxLength={18} autoComplete="off" style={{ textTransform: 'uppercase' }} data-testid="provider-credit-code" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="serviceScope"
              label={t('security.providers.field.serviceScope')}
              rules={[required('security.providers.field.serviceScope'), { min: 2, max: 1000 }]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="systems" label={t('security.providers.field.systems')} extra={t('security.providers.field.systemsHelp')}>
              <Select mode="tags" open={false} suffixIcon={null} aria-label={t('security.providers.field.systems')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t('security.providers.field.contactName')} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={t('security.providers.field.contactPhone')} rules={[{ max: 30 }]}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('security.providers.field.commitments')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="agreementSignedOn"
              label={t('security.providers.field.signedOn')}
              rules={[
                required('security.providers.field.signedOn'),
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    const from = getFieldValue('validFrom') as string | undefined;
                    if (value && from && value > from) throw new Error(t('security.providers.v.signed'));
                  },
                }),
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="validFrom"
              label={t('security.providers.field.validFrom')}
              rules={[required('security.providers.field.validFrom')]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="validTo"
              label={t('security.providers.field.validTo')}
              dependencies={['validFrom']}
              rules={[
                required('security.providers.field.validTo'),
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    const from = getFieldValue('validFrom') as string | undefined;
                    if (value && from && value < from) throw new Error(t('security.providers.v.period'));
                  },
                }),
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          {COMMITMENTS.map((key) => (
            <Col xs={24} md={8} key={key}>
              <Form.Item
                name={key}
                valuePropName="checked"
                rules={[
                  {
                    validator: async (_, value: boolean | undefined) =>
                      value ? undefined : Promise.reject(new Error(t('security.providers.v.commitment'))),
                  },
                ]}
              >
                <Checkbox data-testid={`provider-${key}`}>{t(`security.providers.field.${key}`)}</Checkbox>
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
