/** Labels of enumerations in the current language: domain labels and dictionary entries. */
import { AGENCY_KIND_LABELS, SECTOR_LABELS, shanghaiDateOf, type AgencyKind, type Sector, type SecurityDuty } from '@gongshu/domain';
import type { I18nValue } from '../../i18n/context';

export function kindLabel(i18n: I18nValue, kind: string): string {
  return kind in AGENCY_KIND_LABELS ? i18n.pick(AGENCY_KIND_LABELS[kind as AgencyKind]) : kind;
}

export function sectorLabel(i18n: I18nValue, sector: string | null): string {
  if (!sector) return i18n.t('common.none');
  return sector in SECTOR_LABELS ? i18n.pick(SECTOR_LABELS[sector as Sector]) : sector;
}

export function levelLabel(i18n: I18nValue, level: 'city' | 'town'): string {
  return i18n.t(level === 'town' ? 'level.town' : 'level.city');
}

export function securityDutyLabel(i18n: I18nValue, duty: SecurityDuty | null): string {
  return duty ? i18n.t(`securityDuty.${duty}`) : i18n.t('common.none');
}

/**
 * A date-time in the reader's language, in China time (every time on the node is Beijing time,
 * whatever the browser's time zone), e.g. 2026/11/26 23:30.
 */
export function formatDateTime(lang: 'zh' | 'en', iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The China date (Asia/Shanghai, as every deadline is counted) of an instant: 2026-11-24. */
export function chinaDate(iso: string): string {
  return shanghaiDateOf(new Date(iso));
}

/** Today's China date. */
export function chinaToday(): string {
  return shanghaiDateOf(new Date());
}

/** The weekday of a YYYY-MM-DD date in the reader's language (星期二, Tuesday). */
export function weekdayOf(lang: 'zh' | 'en', date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
}

/** Each unit and how many of it make the next (minutes → hours → days → a week). */
const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/** "3 小时前" / "3 hours ago"; a week or older shows the date and time instead. */
export function formatRelativeTime(lang: 'zh' | 'en', iso: string, now: number = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { numeric: 'auto' });
  const seconds = (new Date(iso).getTime() - now) / 1000;
  // Under a minute reads "现在" / "now" rather than a count of seconds.
  if (Math.abs(seconds) < 60) return format.format(0, 'second');
  let value = seconds / 60;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return formatDateTime(lang, iso);
}
