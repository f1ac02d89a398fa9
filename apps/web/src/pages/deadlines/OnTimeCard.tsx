import { Button, Card, Col, Form, Input, Row, Segmented, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useDeadlineStats } from '../../api/deadlines';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { chinaToday } from '../shared/labels';
import { percent, sortByRate, totalsOf } from './onTime';
import { OnTimeTable } from './OnTimeTable';

// ECharts loads only when the chart view is shown; the table fallback does not need it.
const OnTimeChart = lazy(() => import('./OnTimeChart').then((module) => ({ default: module.OnTimeChart })));

interface Range {
  from: string;
  to: string;
}

/** This year so far (China dates). */
function thisYear(): Range {
  const today = chinaToday();
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * 按期办结率 (R33.1): on-time rate per agency and per step type for a period, as bar charts (counts in
 * the tooltip) or as tables, with the period's totals in words.
 */
export function OnTimeCard() {
  const { t, pick } = useI18n();
  const [range, setRange] = useState<Range>(thisYear);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const stats = useDeadlineStats(range);
  const data = stats.data;
  const totals = useMemo(() => (data ? totalsOf(data.byStep) : null), [data]);
  const sections = useMemo(() => {
    if (!data) return [];
    const labelOf = (row: { label: { zh: string; en: string } }) => pick(row.label);
    return [
      { key: 'agency', title: t('onTime.byAgency'), labelTitle: t('onTime.colAgency'), rows: sortByRate(data.byAgency, labelOf) },
      { key: 'step', title: t('onTime.byStep'), labelTitle: t('onTime.colStep'), rows: sortByRate(data.byStep, labelOf) },
    ];
  }, [data, t, pick]);

  return (
    <Card
      data-testid="on-time-card"
      title={
        <h2 className="gs-card-title" data-testid="on-time-heading">
          {t('onTime.heading')}
        </h2>
      }
      extra={
        <Segmented<'chart' | 'table'>
          aria-label={t('onTime.view')}
          value={view}
          onChange={setView}
          options={[
            { value: 'chart', label: t('onTime.viewChart') },
            { value: 'table', label: t('onTime.viewTable') },
          ]}
          data-testid="on-time-view"
        />
      }
    >
      <Form<Range>
        layout="inline"
        requiredMark={false}
        initialValues={range}
        onFinish={(values) => setRange({ from: values.from, to: values.to })}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="from"
          label={t('onTime.from')}
          rules={[{ required: true, message: t('common.required', { field: t('onTime.from') }) }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('onTime.to')}
          dependencies={['from']}
          rules={[
            { required: true, message: t('common.required', { field: t('onTime.to') }) },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                const from = getFieldValue('from') as string | undefined;
                if (value && from && from > value) throw new Error(t('onTime.rangeInvalid'));
              },
            }),
          ]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={stats.isFetching}>
            {t('onTime.apply')}
          </Button>
        </Form.Item>
      </Form>

      {stats.isError ? (
        <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !data || !totals ? (
        <PageLoading />
      ) : (
        <>
          <Typography.Paragraph style={{ margin: '16px 0 4px' }} aria-live="polite" data-testid="on-time-summary">
            {totals.due === 0
              ? t('onTime.summaryNone', { from: data.from, to: data.to })
              : t('onTime.summary', {
                  from: data.from,
                  to: data.to,
                  due: totals.due,
                  onTime: totals.onTime,
                  late: totals.late,
                  overdue: totals.overdue,
                  rate: percent(totals.rate),
                })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('onTime.rule')}
          </Typography.Paragraph>
          <Row gutter={[24, 16]}>
            {sections.map((section) => (
              <Col xs={24} xl={view === 'chart' ? 12 : 24} key={section.key}>
                <h3 className="gs-subheading">{section.title}</h3>
                {view === 'chart' ? (
                  <Suspense fallback={<PageLoading />}>
                    <OnTimeChart rows={section.rows} title={section.title} testId={`on-time-chart-${section.key}`} />
                  </Suspense>
                ) : (
                  <OnTimeTable rows={section.rows} labelTitle={section.labelTitle} testId={`on-time-table-${section.key}`} />
                )}
              </Col>
            ))}
          </Row>
        </>
      )}
    </Card>
  );
}
