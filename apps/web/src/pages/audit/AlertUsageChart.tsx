import type { AccessAlertDay } from '@gongshu/contracts';
import { useMemo } from 'react';
import { EChart } from '../../charts/EChart';
import { useT } from '../../i18n/useT';
import { COLORS } from '../../theme';

/** The subject's records per China day (bars, the alert's own day in red) and its daily baseline (a dashed line). */
export function AlertUsageChart({
  days,
  baseline,
  subject,
}: {
  readonly days: readonly AccessAlertDay[];
  readonly baseline: number | null;
  readonly subject: string;
}) {
  const t = useT();
  const chart = useMemo(() => {
    const last = days.length - 1;
    const option = {
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: undefined,
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisLabel: { color: '#444' } },
      yAxis: { type: 'value', axisLabel: { color: '#444' }, splitLine: { lineStyle: { color: '#e8ecf2' } } },
      series: [
        {
          type: 'bar',
          name: t('security.alerts.chartRecords'),
          data: days.map((d, i) => ({ value: d.records, itemStyle: { color: i === last ? COLORS.error : COLORS.primary } })),
        },
        ...(baseline === null
          ? []
          : [
              {
                type: 'line',
                name: t('security.alerts.chartBaseline'),
                data: days.map(() => baseline),
                symbol: 'none',
                lineStyle: { color: COLORS.warning, type: 'dashed', width: 2 },
                itemStyle: { color: COLORS.warning },
              },
            ]),
      ],
    };
    const list = days.map((d) => t('security.alerts.chartPoint', { day: d.day, records: d.records })).join('；');
    return { option, label: t('security.alerts.chartLabel', { subject, list, baseline: baseline ?? '—' }) };
  }, [days, baseline, subject, t]);
  return <EChart option={chart.option} height={240} label={chart.label} testId="alert-usage-chart" />;
}
