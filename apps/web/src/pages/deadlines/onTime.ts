/** Figures of the on-time chart (R33.1): totals, ordering and percentages. */
import type { OnTimeRow } from '@gongshu/contracts';

export interface OnTimeTotals {
  /** Steps that were due in the period: met on time, met late or still overdue. */
  readonly due: number;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly open: number;
  readonly rate: number | null;
}

/** The period's totals, summed over rows that count every step once (e.g. per step type). */
export function totalsOf(rows: readonly OnTimeRow[]): OnTimeTotals {
  const sum = (pick: (row: OnTimeRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const onTime = sum((row) => row.metOnTime);
  const late = sum((row) => row.metLate);
  const overdue = sum((row) => row.overdue);
  const due = onTime + late + overdue;
  return { due, onTime, late, overdue, open: sum((row) => row.open), rate: due > 0 ? onTime / due : null };
}

/** Highest rate first; rows with nothing due last; ties by label. */
export function sortByRate(rows: readonly OnTimeRow[], labelOf: (row: OnTimeRow) => string): OnTimeRow[] {
  return [...rows].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || labelOf(a).localeCompare(labelOf(b), 'zh-CN'));
}

/** A rate as a percentage with at most one decimal: 0.6667 → "66.7%"; null → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
