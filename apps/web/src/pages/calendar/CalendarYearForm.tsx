/**
 * 导入/修订年度安排 (bureau administrators, R37.1): a year's source notice, its statutory holidays on
 * weekdays and its make-up working days, typed one date per line. Choosing a published year loads
 * its arrangements; the server's check names the offending date under the list it is in.
 */
import type { CalendarYear } from '@gongshu/contracts';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { usePutCalendarYear } from '../../api/calendar';
import { errorText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/useT';
import { calendarFieldOf, parseDateLines } from './calendarForm';

interface CalendarFormValues {
  year: number;
  source: string;
  holidaysOnWeekdays: string;
  makeupWorkdays: string;
}

export interface CalendarYearFormProps {
  readonly open: boolean;
  /** The year the form opens on. */
  readonly initialYear: number;
  readonly years: readonly CalendarYear[];
  readonly onClose: () => void;
  readonly onSaved: (year: number) => void;
}

function valuesOf(year: number, years: readonly CalendarYear[]): CalendarFormValues {
  const found = years.find((entry) => entry.year === year);
  return {
    year,
    source: found?.source ?? '',
    holidaysOnWeekdays: found?.holidaysOnWeekdays.join('\n') ?? '',
    makeupWorkdays: found?.makeupWorkdays.join('\n') ?? '',
  };
}

export function CalendarYearForm({ open, initialYear, years, onClose, onSaved }: CalendarYearFormProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CalendarFormValues>();
  const save = usePutCalendarYear();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const year = Form.useWatch('year', form);
  const holidayText = Form.useWatch('holidaysOnWeekdays', form);
  const makeupText = Form.useWatch('makeupWorkdays', form);
  const published = years.some((entry) => entry.year === year);

  useEffect(() => {
    if (!open) return;
    setGeneralError(null);
    form.resetFields();
    form.setFieldsValue(valuesOf(initialYear, years));
  }, [open, initialYear, years, form]);

  const dateListRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const parsed = parseDateLines(value);
      if (!parsed.ok) throw new Error(t('calendar.form.badDate', { line: parsed.line, value: parsed.value }));
    },
  };
  const countOf = (text: string | undefined) => {
    const parsed = parseDateLines(text);
    return parsed.ok ? t('calendar.form.count', { count: parsed.dates.length }) : undefined;
  };

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const holidays = parseDateLines(values.holidaysOnWeekdays);
    const makeups = parseDateLines(values.makeupWorkdays);
    if (!holidays.ok || !makeups.ok) return;
    setGeneralError(null);
    try {
      await save.mutateAsync({
        year: values.year,
        source: values.source.trim(),
        holidaysOnWeekdays: holidays.dates,
        makeupWorkdays: makeups.dates,
      });
      void message.success(t('calendar.form.saved', { year: values.year }));
      onSaved(values.year);
    } catch (error) {
      const text = errorText(error, lang);
      const field = calendarFieldOf(text.field);
      if (field) {
        const suffix = text.requirement ? `（${text.requirement}）` : '';
        form.setFields([{ name: field, errors: [text.message + suffix] }]);
      } else {
        setGeneralError(error);
      }
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('calendar.form.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      {generalError ? <ErrorAlert error={generalError} /> : null}
      <Form<CalendarFormValues>
        form={form}
        layout="vertical"
        data-testid="calendar-form"
        onValuesChange={(changed: Partial<CalendarFormValues>) => {
          // Choosing another year loads its arrangements, or empties the lists for a new year.
          if (changed.year !== undefined && changed.year !== null && changed.year >= 1949 && changed.year <= 2200) {
            form.setFieldsValue({ ...valuesOf(changed.year, years), year: changed.year });
          }
        }}
      >
        <Form.Item
          name="year"
          label={t('calendar.form.year')}
          rules={[
            { required: true, type: 'integer', min: 1949, max: 2200, message: t('common.required', { field: t('calendar.form.year') }) },
          ]}
        >
          <InputNumber min={1949} max={2200} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {year ? (
          <Alert
            type={published ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={t(published ? 'calendar.form.existing' : 'calendar.form.new', { year })}
            description={t('calendar.form.recompute')}
          />
        ) : null}
        <Form.Item
          name="source"
          label={t('calendar.form.source')}
          extra={t('calendar.form.sourceHelp')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('calendar.form.source') }) }, { max: 300 }]}
        >
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="holidaysOnWeekdays"
          label={t('calendar.form.holidays')}
          extra={[t('calendar.form.holidaysHelp'), countOf(holidayText)].filter(Boolean).join(t('common.listSeparator'))}
          rules={[dateListRule]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} className="gs-mono" spellCheck={false} placeholder="2027-01-01" />
        </Form.Item>
        <Form.Item
          name="makeupWorkdays"
          label={t('calendar.form.makeups')}
          extra={[t('calendar.form.makeupsHelp'), countOf(makeupText)].filter(Boolean).join(t('common.listSeparator'))}
          rules={[dateListRule]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} className="gs-mono" spellCheck={false} placeholder="2027-02-07" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
