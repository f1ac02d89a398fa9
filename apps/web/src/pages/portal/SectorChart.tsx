import { SECTOR_LABELS } from '@gongshu/domain';
import { useMemo } from 'react';
import { CategoryBarChart } from '../../charts/CategoryBarChart';
import { useI18n } from '../../i18n/useT';
import type { SectorCount } from './sectorCounts';

/** Agencies per sector (R6.1's ten sectors) as a horizontal bar chart, largest on top. */
export function SectorChart({ counts }: { readonly counts: readonly SectorCount[] }) {
  const { t, pick } = useI18n();
  const rows = useMemo(() => [...counts].sort((a, b) => b.agencies - a.agencies), [counts]);
  const categories = useMemo(() => rows.map((row) => pick(SECTOR_LABELS[row.sector])), [rows, pick]);
  const values = useMemo(() => rows.map((row) => row.agencies), [rows]);
  const summary = rows
    .map((row) => t('portal.sectors.item', { sector: pick(SECTOR_LABELS[row.sector]), count: row.agencies }))
    .join(t('common.listSeparator'));
  return (
    <CategoryBarChart
      horizontal
      height={360}
      categories={categories}
      values={values}
      seriesName={t('portal.sectors.seriesName')}
      label={t('portal.sectors.chartLabel', { summary })}
      testId="sector-chart"
    />
  );
}
