/**
 * 下达整改通知 (R35.1, bureau): the agency, what must be rectified and why, the requirement it
 * failed, and the term in working days (the rule set's default unless this order sets another).
 */
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAgencies } from '../../api/agencies';
import { errorText, formFieldOf } from '../../api/errors';
import { useIssueRectification } from '../../api/rectifications';
import { useRuleSets } from '../../api/ruleSets';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/useT';
import { defaultTermOf } from './defaultTerm';

interface IssueValues {
  agencyId: string;
  title: string;
  reason: string;
  requirement: string;
  termWorkingDays?: number | null;
}

const FIELDS = [['agencyId'], ['title'], ['reason'], ['requirement'], ['termWorkingDays']] as const;
const REQUIREMENT = /^R\d+\.\d+$/;

export function IssueRectificationModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IssueValues>();
  const agencies = useAgencies(open);
  const ruleSets = useRuleSets();
  const issue = useIssueRectification();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const term = useMemo(() => defaultTermOf(ruleSets.data ?? []), [ruleSets.data]);
  // The bureau does not order itself (the server refuses it too).
  const options = (agencies.data ?? [])
    .filter((agency) => agency.active && agency.kind !== 'bureau')
    .map((agency) => ({ value: agency.id, label: agency.name }));

  useEffect(() => {
    if (!open) return;
    setGeneralError(null);
    form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setGeneralError(null);
    try {
      const order = await issue.mutateAsync({
        agencyId: values.agencyId,
        title: values.title.trim(),
        reason: values.reason.trim(),
        requirement: values.requirement.trim(),
        ...(values.termWorkingDays ? { termWorkingDays: values.termWorkingDays } : {}),
      });
      void message.success(t('rect.issue.done', { agency: order.agency.name }));
      onClose();
      void navigate(`/rectifications/${order.id}`);
    } catch (error) {
      const text = errorText(error, lang);
      const field = formFieldOf(text.field, FIELDS);
      if (field) form.setFields([{ name: [...field] as never, errors: [text.message] }]);
      else setGeneralError(error);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });

  return (
    <Modal
      open={open}
      width={640}
      title={t('rect.issue.title')}
      okText={t('rect.issue')}
      cancelText={t('common.cancel')}
      confirmLoading={issue.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      {generalError ? <ErrorAlert error={generalError} /> : null}
      {/* resetFields on opening fills the term with the rule set's default. */}
      <Form<IssueValues>
        form={form}
        layout="vertical"
        initialValues={{ termWorkingDays: term?.days }}
        data-testid="rectification-issue-form"
      >
        <Form.Item
          name="agencyId"
          label={t('rect.issue.agency')}
          rules={[{ required: true, message: t('common.requiredSelect', { field: t('rect.issue.agency') }) }]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} loading={agencies.isPending} options={options} />
        </Form.Item>
        <Form.Item name="title" label={t('rect.issue.titleField')} rules={[required(t('rect.issue.titleField')), { min: 2, max: 100 }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="reason" label={t('rect.issue.reason')} rules={[required(t('rect.issue.reason')), { min: 2, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="requirement"
          label={t('rect.issue.requirement')}
          extra={t('rect.issue.requirementHelp')}
          rules={[required(t('rect.issue.requirement')), { pattern: REQUIREMENT, message: t('rect.issue.requirementInvalid') }]}
        >
          <Input placeholder="R11.1" maxLength={12} autoComplete="off" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="termWorkingDays"
          label={t('rect.issue.term')}
          extra={term ? t('rect.issue.termHelp', { ruleSet: term.ruleSet, days: term.days }) : undefined}
          rules={[{ type: 'integer', min: 1, max: 60 }]}
        >
          <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} placeholder={term ? String(term.days) : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
