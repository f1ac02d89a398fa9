import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useAddWorkingDays } from '../../api/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/useT';
import { ProvisionalTag } from '../deadlines/ProvisionalTag';
import { chinaToday, weekdayOf } from '../shared/labels';

interface CalculatorValues {
  from: string;
  days: number;
  provisional: boolean;
}

/**
 * 工作日计算器: the date N working days after a date on the official calendar. A year without
 * published arrangements is refused (R37.1) unless counted provisionally, Monday to Friday.
 */
export function WorkingDayCalculator() {
  const { t, lang } = useI18n();
  const [input, setInput] = useState<CalculatorValues | null>(null);
  const answer = useAddWorkingDays(input);

  return (
    <Card
      title={
        <h2 className="gs-card-title" data-testid="calculator-heading">
          {t('calendar.calc.heading')}
        </h2>
      }
      data-testid="working-day-calculator"
    >
      <Typography.Paragraph type="secondary">{t('calendar.calc.rule')}</Typography.Paragraph>
      <Form<CalculatorValues>
        layout="inline"
        requiredMark={false}
        style={{ rowGap: 8 }}
        initialValues={{ from: chinaToday(), days: 10, provisional: false }}
        onFinish={(values) => setInput({ from: values.from, days: values.days, provisional: values.provisional })}
      >
        <Form.Item
          name="from"
          label={t('calendar.calc.from')}
          rules={[{ required: true, message: t('common.required', { field: t('calendar.calc.from') }) }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('calendar.calc.days')}
          rules={[
            { required: true, type: 'integer', min: 0, max: 1000, message: t('common.required', { field: t('calendar.calc.days') }) },
          ]}
        >
          <InputNumber min={0} max={1000} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="provisional" valuePropName="checked">
          <Checkbox>{t('calendar.calc.provisional')}</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={answer.isFetching} data-testid="calculator-submit">
            {t('calendar.calc.submit')}
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }} data-testid="calculator-result">
        {answer.isError ? (
          <ErrorAlert error={answer.error} />
        ) : answer.data ? (
          <Alert
            type="success"
            showIcon
            title={
              <span>
                {t('calendar.calc.result', {
                  from: answer.data.from,
                  days: answer.data.days,
                  date: answer.data.date,
                  weekday: weekdayOf(lang, answer.data.date),
                })}
                {answer.data.provisional ? <ProvisionalTag /> : null}
              </span>
            }
          />
        ) : null}
      </div>
    </Card>
  );
}
