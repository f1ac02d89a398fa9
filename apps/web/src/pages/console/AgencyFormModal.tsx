/**
 * Create or edit an agency (bureau administrators). Checks what can be checked here (code and
 * division-code patterns, the credit code's check character, R11.2) and puts the server's
 * refusals on the field they name.
 */
import type { Agency, AgencyDetail } from '@gongshu/contracts';
import { AGENCY_KIND_LABELS, AGENCY_KINDS, SECTOR_LABELS, SECTORS, SECURITY_DUTIES, validateCreditCode } from '@gongshu/domain';
import { App, Col, Divider, Form, Input, Modal, Row, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useSaveAgency } from '../../api/agencies';
import { errorText, formFieldOf } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/useT';
import { AGENCY_FORM_FIELDS, CODE_PATTERN, DIVISION_PATTERN, toAgencyInput, toFormValues, type AgencyFormValues } from './agencyForm';

export interface AgencyFormModalProps {
  readonly open: boolean;
  /** The agency to edit; null to create one. */
  readonly editing: AgencyDetail | null;
  readonly agencies: readonly Agency[];
  readonly onClose: () => void;
  readonly onSaved: (detail: AgencyDetail) => void;
}

export function AgencyFormModal({ open, editing, agencies, onClose, onSaved }: AgencyFormModalProps) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgencyFormValues>();
  const save = useSaveAgency();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    setGeneralError(null);
    form.resetFields();
    form.setFieldsValue(editing ? toFormValues(editing) : { active: true });
  }, [open, editing, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setGeneralError(null);
    try {
      const input = toAgencyInput(values);
      const detail = editing
        ? await save.mutateAsync({ id: editing.agency.id, body: { ...input, code: undefined, active: values.active ?? true } })
        : await save.mutateAsync({ id: null, body: input });
      void message.success(t(editing ? 'agencies.saved' : 'agencies.created', { name: detail.agency.name }));
      onSaved(detail);
    } catch (error) {
      const text = errorText(error, lang);
      const field = formFieldOf(text.field, AGENCY_FORM_FIELDS);
      if (field) {
        const suffix = text.requirement ? `（${text.requirement}）` : '';
        form.setFields([{ name: [...field] as never, errors: [text.message + suffix] }]);
        form.scrollToField([...field] as never);
      } else {
        setGeneralError(error);
      }
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const sectorOptions = SECTORS.map((sector) => ({ value: sector, label: pick(SECTOR_LABELS[sector]) }));
  const parentOptions = agencies
    .filter((agency) => agency.id !== editing?.agency.id)
    .map((agency) => ({ value: agency.id, label: agency.name }));

  return (
    <Modal
      open={open}
      title={editing ? t('agencies.editTitle', { name: editing.agency.name }) : t('agencies.createTitle')}
      width={760}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      {generalError ? <ErrorAlert error={generalError} /> : null}
      <Form<AgencyFormValues> form={form} layout="vertical" data-testid="agency-form" requiredMark>
        <Divider titlePlacement="start" plain>
          {t('agencies.form.basic')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('agency.name')}
              rules={[required(t('agency.name')), { min: 2, max: 100, message: t('agencies.v.name') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="shortName" label={t('agency.shortName')} rules={[{ max: 30 }]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('agency.code')}
              extra={t('agencies.form.codeHelp')}
              rules={[required(t('agency.code')), { pattern: CODE_PATTERN, message: t('agencies.v.code') }]}
            >
              <Input disabled={Boolean(editing)} maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label={t('agency.kind')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('agency.kind') }) }]}
            >
              <Select options={AGENCY_KINDS.map((value) => ({ value, label: pick(AGENCY_KIND_LABELS[value]) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="parentId" label={t('agency.parent')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('agencies.form.noParent')}
                options={parentOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="divisionCode"
              label={t('agency.divisionCode')}
              extra={kind === 'town' ? t('agencies.form.townDivisionHelp') : undefined}
              rules={[required(t('agency.divisionCode')), { pattern: DIVISION_PATTERN, message: t('agencies.v.division') }]}
            >
              <Input maxLength={9} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t('agency.creditCode')}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value || !value.trim()) return;
                    const check = validateCreditCode(value);
                    if (!check.ok) throw new Error(pick(check.message));
                  },
                },
              ]}
            >
              <Input maxLength={18} autoComplete="off" style={{ textTransform: 'uppercase' }} />
            </Form.Item>
          </Col>
          {editing ? (
            <Col xs={24} md={12}>
              <Form.Item name="active" label={t('agency.status')} valuePropName="checked">
                <Switch
                  checkedChildren={t('common.active')}
                  unCheckedChildren={t('common.inactive')}
                  aria-label={t('agencies.form.active')}
                />
              </Form.Item>
            </Col>
          ) : null}
        </Row>

        <Divider titlePlacement="start" plain>
          {t('agencies.form.duties')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="sector" label={t('agency.sector')}>
              <Select allowClear options={sectorOptions} placeholder={t('common.none')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="sectorAuthorityOf" label={t('agency.sectorAuthorityOf')} extra={t('agencies.form.sectorAuthorityHelp')}>
              <Select
                allowClear
                options={sectorOptions}
                placeholder={t('common.none')}
                disabled={kind !== undefined && kind !== 'department'}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="securityDuty" label={t('agency.securityDuty')} extra={t('agencies.form.securityDutyHelp')}>
              <Select
                allowClear
                placeholder={t('common.none')}
                disabled={kind !== undefined && kind !== 'department'}
                options={SECURITY_DUTIES.map((value) => ({ value, label: t(`securityDuty.${value}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('agencies.form.responsible')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['responsiblePerson', 'name']}
              label={t('agency.responsibleName')}
              rules={[required(t('agency.responsibleName')), { max: 50 }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['responsiblePerson', 'title']}
              label={t('agency.responsibleTitle')}
              rules={[required(t('agency.responsibleTitle')), { max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['responsiblePerson', 'phone']}
              label={t('agency.responsiblePhone')}
              rules={[{ max: 30, message: t('agencies.v.phone') }]}
            >
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
