/**
 * 发起变更 (R10.3): a change request starts from the published version, with the cause and the date
 * of the law or duty change; it must be filed within 15 working days of that date, and the bureau
 * reviews and publishes it within 2 working days.
 */
import type { MyEntry } from '@gongshu/contracts';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAddWorkingDays } from '../../../api/calendar';
import { useStartChange } from '../../../api/catalog';
import { errorText, formFieldOf } from '../../../api/errors';
import { useRuleSets } from '../../../api/ruleSets';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDebounced } from '../../../components/useDebounced';
import { useI18n } from '../../../i18n/useT';
import { chinaToday, weekdayOf } from '../../shared/labels';
import { filingLimitOf } from './filingLimit';

interface ChangeValues {
  changeReason: string;
  lawChangeDate: string;
}

const FIELDS = [['changeReason'], ['lawChangeDate']] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function StartChangeModal({ entry, onClose }: { readonly entry: MyEntry | null; readonly onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangeValues>();
  const start = useStartChange();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const ruleSets = useRuleSets();
  const limit = useMemo(() => filingLimitOf(ruleSets.data ?? []), [ruleSets.data]);
  const date = useDebounced(Form.useWatch('lawChangeDate', form) ?? '', 300);
  const due = useAddWorkingDays(limit !== null && DATE.test(date) ? { from: date, days: limit, provisional: true } : null);
  const today = chinaToday();

  useEffect(() => {
    if (!entry) return;
    setGeneralError(null);
    form.resetFields();
  }, [entry, form]);

  const submit = async () => {
    if (!entry) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setGeneralError(null);
    try {
      const version = await start.mutateAsync({
        resourceId: entry.resourceId,
        changeReason: values.changeReason.trim(),
        lawChangeDate: values.lawChangeDate,
      });
      void message.success(t('catalog.change.started', { name: entry.name }));
      onClose();
      void navigate(`/catalog/versions/${version.id}`);
    } catch (error) {
      const text = errorText(error, lang);
      const field = formFieldOf(text.field, FIELDS);
      if (field) form.setFields([{ name: [...field] as never, errors: [text.message] }]);
      else setGeneralError(error);
    }
  };

  const late = due.data ? today > due.data.date : false;
  return (
    <Modal
      open={entry !== null}
      width={640}
      title={t('catalog.change.startTitle', { name: entry?.name ?? '' })}
      okText={t('catalog.change.start')}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('catalog.change.rule')}</Typography.Paragraph>
      {generalError ? <ErrorAlert error={generalError} /> : null}
      <Form<ChangeValues> form={form} layout="vertical" data-testid="start-change-form">
        <Form.Item
          name="changeReason"
          label={t('catalog.change.reason')}
          extra={t('catalog.change.reasonHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('catalog.change.reason') }) },
            { min: 2, max: 2000 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="change-reason" />
        </Form.Item>
        <Form.Item
          name="lawChangeDate"
          label={t('catalog.change.lawChangeDate')}
          rules={[
            { required: true, message: t('common.required', { field: t('catalog.change.lawChangeDate') }) },
            {
              validator: async (_, value: string | undefined) => {
                if (value && value > today) throw new Error(t('catalog.change.futureDate'));
              },
            },
          ]}
        >
          <Input type="date" max={today} style={{ width: 200 }} data-testid="change-date" />
        </Form.Item>
      </Form>
      {due.data ? (
        <Alert
          type={late ? 'warning' : 'info'}
          showIcon
          data-testid="change-due"
          title={t(late ? 'catalog.change.dueLate' : 'catalog.change.dueOn', {
            date: due.data.date,
            weekday: weekdayOf(lang, due.data.date),
            days: limit ?? '',
          })}
        />
      ) : null}
    </Modal>
  );
}
