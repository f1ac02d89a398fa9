import { Card, Col, Row, Statistic } from 'antd';
import type { MessageKey } from '../../i18n/zh';
import { useT } from '../../i18n/useT';

export interface PortalCounts {
  readonly agencies: number;
  readonly departments: number;
  readonly towns: number;
  readonly publicUsers: number;
}

const CARDS: readonly { key: keyof PortalCounts; label: MessageKey; unit: MessageKey }[] = [
  { key: 'agencies', label: 'portal.stats.agencies', unit: 'common.unitAgencies' },
  { key: 'departments', label: 'portal.stats.departments', unit: 'common.unitItems' },
  { key: 'towns', label: 'portal.stats.towns', unit: 'common.unitItems' },
  { key: 'publicUsers', label: 'portal.stats.publicUsers', unit: 'common.unitPeople' },
];

/** The four counts of the portal home, as statistic cards. */
export function PortalStats({ counts }: { readonly counts: PortalCounts | null }) {
  const t = useT();
  return (
    <Row gutter={[16, 16]} role="list">
      {CARDS.map((card) => (
        <Col xs={12} md={6} key={card.key} role="listitem">
          <Card className="gs-stat-card" data-testid={`stat-${card.key}`} loading={counts === null}>
            <Statistic
              title={<span style={{ fontSize: 15 }}>{t(card.label)}</span>}
              value={counts?.[card.key] ?? 0}
              suffix={t(card.unit) || undefined}
              styles={{ content: { color: '#0c3d8a', fontWeight: 600, fontSize: 32 } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
