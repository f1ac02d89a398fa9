/** Labels of enumerations in the current language: domain labels and dictionary entries. */
import { AGENCY_KIND_LABELS, SECTOR_LABELS, type AgencyKind, type Sector, type SecurityDuty } from '@gongshu/domain';
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

/** A date-time in the reader's locale, e.g. 2026/11/26 23:30. */
export function formatDateTime(lang: 'zh' | 'en', iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
