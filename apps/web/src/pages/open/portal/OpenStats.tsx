import type { PortalSummary } from '@gongshu/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import type { MessageKey } from '../../../i18n/zh';
import { useT } from '../../../i18n/useT';

type Key = 'openResources' | 'providers' | 'downloads' | 'apiCalls' | 'showcase' | 'agencies' | 'departments' | 'towns' | 'publicUsers';

const OPEN: readonly { key: Key; label: MessageKey; unit: MessageKey }[] = [
  { key: 'openResources', label: 'open.portal.stats.openResources', unit: 'open.portal.unit.datasets' },
  { key: 'providers', label: 'open.portal.stats.providers', unit: 'common.unitAgencies' },
  { key: 'downloads', label: 'open.portal.stats.downloads', unit: 'open.portal.unit.times' },
  { key: 'apiCalls', label: 'open.portal.stats.apiCalls', unit: 'open.portal.unit.times' },
];

const PLATFORM: readonly { key: Key; label: MessageKey }[] = [
  { key: 'agencies', label: 'open.portal.stats.agencies' },
  { key: 'departments', label: 'open.portal.stats.departments' },
  { key: 'towns', label: 'open.portal.stats.towns' },
  { key: 'publicUsers', label: 'open.portal.stats.publicUsers' },
];

/** The open data's counts as statistic cards, then the node's overview (agencies and registered users). */
export function OpenStats({ summary }: { readonly summary: PortalSummary | null }) {
  const t = useT();
  // The showcase count appears once the showcase has approved items (R22.1).
  const cards =
    typeof summary?.showcase === 'number'
      ? [...OPEN, { key: 'showcase' as const, label: 'open.portal.stats.showcase' as const, unit: 'common.unitItems' as const }]
      : OPEN;
  return (
    <>
      <Row gutter={[16, 16]} role="list">
        {cards.map((card) => (
          <Col flex="1 1 200px" key={card.key} role="listitem">
            <Card className="gs-stat-card" data-testid={`stat-${card.key}`} loading={summary === null}>
              <Statistic
                title={<span style={{ fontSize: 15 }}>{t(card.label)}</span>}
                value={summary?.[card.key] ?? 0}
                suffix={t(card.unit) || undefined}
                styles={{ content: { color: '#0c3d8a', fontWeight: 600, fontSize: 30 } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginTop: 16 }} aria-label={t('open.portal.stats.platform')}>
        <Row gutter={[16, 8]} role="list">
          {PLATFORM.map((item) => (
            <Col xs={12} md={6} key={item.key} role="listitem" data-testid={`stat-${item.key}`}>
              <Statistic
                title={t(item.label)}
                value={summary?.[item.key] ?? 0}
                loading={summary === null}
                styles={{ content: { fontSize: 20 } }}
              />
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
