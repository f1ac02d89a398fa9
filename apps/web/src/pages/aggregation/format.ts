/** Numbers of the data pages in the reader's language. */
import type { Lang } from '../../i18n/context';

/** 12,345 rows. */
export function formatCount(lang: Lang, value: number): string {
  return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
}

/** A share 0..1 as a percentage with at most one decimal: 0.955 → 95.5. */
export function toPercent(share: number): number {
  return Math.round(share * 1000) / 10;
}
