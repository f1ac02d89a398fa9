import { Button, Space } from 'antd';
import { useId } from 'react';
import { exportUrl, type ExportFormat } from '../../../api/catalogFiles';
import { useT } from '../../../i18n/useT';

const FORMATS: readonly ExportFormat[] = ['xlsx', 'csv', 'json'];

/**
 * Downloads of the published catalog (public users get the open entries only). The xlsx file has
 * the template's layout, so it imports again as drafts.
 */
export function ExportButtons() {
  const t = useT();
  const labelId = useId();
  return (
    <Space size={8} align="center" role="group" aria-labelledby={labelId} data-testid="catalog-export">
      <span id={labelId} className="gs-muted">
        {t('catalog.export.label')}
      </span>
      <Space.Compact>
        {FORMATS.map((format) => (
          <Button key={format} href={exportUrl(format)} download data-testid={`export-${format}`}>
            {t(`catalog.export.${format}`)}
          </Button>
        ))}
      </Space.Compact>
    </Space>
  );
}
