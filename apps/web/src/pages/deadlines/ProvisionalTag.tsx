import { Tag, Tooltip } from 'antd';
import { useT } from '../../i18n/useT';

/**
 * "暂定": the due date was counted Monday–Friday because the holiday arrangements of that year are
 * not published (R37.1). The explanation is a tooltip on hover and focus, and text for screen readers.
 */
export function ProvisionalTag() {
  const t = useT();
  return (
    <Tooltip title={t('deadline.provisionalHelp')} trigger={['hover', 'focus']}>
      <Tag color="warning" variant="outlined" tabIndex={0} data-testid="provisional-tag" style={{ cursor: 'help', marginInlineStart: 6 }}>
        {t('deadline.provisional')}
        <span className="gs-sr-only">{t('deadline.provisionalHelp')}</span>
      </Tag>
    </Tooltip>
  );
}
