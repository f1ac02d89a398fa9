import { AGENCY_KIND_LABELS, type AgencyKind } from '@gongshu/domain';
import { useMemo } from 'react';
import { CategoryBarChart } from '../../charts/CategoryBarChart';
import { useI18n } from '../../i18n/useT';

/** Active agencies per kind (R5.1). */
export function KindChart({ byKind }: { readonly byKind: readonly { kind: AgencyKind; count: number }[] }) {
  const { t, pick } = useI18n();
  const categories = useMemo(() => byKind.map((row) => pick(AGENCY_KIND_LABELS[row.kind])), [byKind, pick]);
  const values = useMemo(() => byKind.map((row) => row.count), [byKind]);
  const summary = byKind.map((row) => `${pick(AGENCY_KIND_LABELS[row.kind])} ${row.count}`).join(t('common.listSeparator'));
  return (
    <CategoryBarChart
      horizontal
      height={280}
      categories={categories}
      values={values}
      seriesName={t('console.byKind.series')}
      label={t('console.byKind.chartLabel', { summary })}
      testId="kind-chart"
    />
  );
}
