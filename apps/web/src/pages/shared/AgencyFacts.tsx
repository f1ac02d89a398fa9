import type { AgencyDetail } from '@gongshu/contracts';
import { Descriptions, Tag } from 'antd';
import { useI18n } from '../../i18n/useT';
import { kindLabel, levelLabel, sectorLabel, securityDutyLabel } from './labels';

/** The register entry of an agency (R5.1): name, kind, level, codes, sector and duties. */
export function AgencyFacts({ detail, columns = 2 }: { readonly detail: AgencyDetail; readonly columns?: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { agency } = detail;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: columns }}
      styles={{ label: { width: 150 } }}
      items={[
        { key: 'name', label: t('agency.name'), children: <span data-testid="agency-name">{agency.name}</span>, span: columns },
        { key: 'short', label: t('agency.shortName'), children: agency.shortName ?? t('common.none') },
        { key: 'code', label: t('agency.code'), children: <code>{agency.code}</code> },
        { key: 'kind', label: t('agency.kind'), children: kindLabel(i18n, agency.kind) },
        { key: 'level', label: t('agency.level'), children: levelLabel(i18n, agency.level) },
        { key: 'division', label: t('agency.divisionCode'), children: <code>{agency.divisionCode}</code> },
        { key: 'credit', label: t('agency.creditCode'), children: agency.creditCode ? <code>{agency.creditCode}</code> : t('common.none') },
        { key: 'sector', label: t('agency.sector'), children: sectorLabel(i18n, agency.sector) },
        ...(agency.sectorAuthorityOf
          ? [{ key: 'authority', label: t('agency.sectorAuthorityOf'), children: sectorLabel(i18n, agency.sectorAuthorityOf) }]
          : []),
        ...(agency.securityDuty
          ? [{ key: 'duty', label: t('agency.securityDuty'), children: securityDutyLabel(i18n, agency.securityDuty) }]
          : []),
        {
          key: 'status',
          label: t('agency.status'),
          children: agency.active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
        },
      ]}
    />
  );
}
