import { Card, Col, Row, Typography } from 'antd';
import { LinkButton } from '../../../components/LinkButton';
import type { MessageKey } from '../../../i18n/zh';
import { useT } from '../../../i18n/useT';

const ENTRIES: readonly { to: string; title: MessageKey; desc: MessageKey; action: MessageKey }[] = [
  {
    to: '/open/demands',
    title: 'open.portal.entries.demands.title',
    desc: 'open.portal.entries.demands.desc',
    action: 'open.portal.entries.demands.action',
  },
  {
    to: '/open/showcase',
    title: 'open.portal.entries.showcase.title',
    desc: 'open.portal.entries.showcase.desc',
    action: 'open.portal.entries.showcase.action',
  },
  {
    to: '/open/derivatives',
    title: 'open.portal.entries.derivatives.title',
    desc: 'open.portal.entries.derivatives.desc',
    action: 'open.portal.entries.derivatives.action',
  },
  {
    to: '/open/developers',
    title: 'open.portal.entries.developers.title',
    desc: 'open.portal.entries.developers.desc',
    action: 'open.portal.entries.developers.action',
  },
];

/** The ways into the rest of the portal: demands (R19.3), the showcase (R22.1), de-identified data (R18.4), developers. */
export function EntryPoints() {
  const t = useT();
  return (
    <Row gutter={[16, 16]} role="list">
      {ENTRIES.map((entry) => (
        <Col xs={24} sm={12} xl={6} key={entry.to} role="listitem">
          <Card style={{ height: '100%' }}>
            <Typography.Title level={3} style={{ fontSize: 17, marginTop: 0, color: '#0c3d8a' }}>
              {t(entry.title)}
            </Typography.Title>
            <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.75)' }}>{t(entry.desc)}</Typography.Paragraph>
            <LinkButton to={entry.to}>{t(entry.action)}</LinkButton>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
