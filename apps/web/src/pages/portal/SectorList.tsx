import { SECTOR_LABELS } from '@gongshu/domain';
import { Col, Empty, Row } from 'antd';
import { useI18n } from '../../i18n/useT';
import type { SectorCount } from './sectorCounts';

/** The sectors matching the hero search, each with its number of agencies. */
export function SectorList({ counts, query }: { readonly counts: readonly SectorCount[]; readonly query: string }) {
  const { t, pick } = useI18n();
  const q = query.trim().toLowerCase();
  const matching = q
    ? counts.filter((row) => {
        const label = SECTOR_LABELS[row.sector];
        return label.zh.includes(q) || label.en.toLowerCase().includes(q) || row.sector.includes(q);
      })
    : counts;
  return (
    <>
      <p className="gs-sr-only" role="status" aria-live="polite">
        {q ? t('portal.sectors.matched', { q: query.trim(), count: matching.length }) : ''}
      </p>
      {matching.length === 0 ? (
        <Empty description={t('portal.sectors.none', { q: query.trim() })} />
      ) : (
        <Row gutter={[12, 12]} role="list" data-testid="sector-list">
          {matching.map((row) => (
            <Col xs={12} sm={8} lg={12} xl={8} key={row.sector} role="listitem">
              <div className="gs-sector-tile">
                <span className="gs-sector-name">{pick(SECTOR_LABELS[row.sector])}</span>
                <span className="gs-sector-count">{t('portal.sectors.count', { count: row.agencies })}</span>
              </div>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
