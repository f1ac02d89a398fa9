import { Card, Col, Row, Typography } from 'antd';
import type { MessageKey } from '../../i18n/zh';
import { useT } from '../../i18n/useT';

const SERVICES: readonly { title: MessageKey; desc: MessageKey }[] = [
  { title: 'portal.services.open.title', desc: 'portal.services.open.desc' },
  { title: 'portal.services.share.title', desc: 'portal.services.share.desc' },
  { title: 'portal.services.security.title', desc: 'portal.services.security.desc' },
];

/** What the platform does, in three sentences (no numbers: those come from the API above). */
export function PortalServices() {
  const t = useT();
  return (
    <Row gutter={[16, 16]}>
      {SERVICES.map((service) => (
        <Col xs={24} md={8} key={service.title}>
          <Card style={{ height: '100%' }}>
            <Typography.Title level={3} style={{ fontSize: 17, marginTop: 0, color: '#0c3d8a' }}>
              {t(service.title)}
            </Typography.Title>
            <Typography.Paragraph style={{ marginBottom: 0, color: 'rgba(0,0,0,0.75)' }}>{t(service.desc)}</Typography.Paragraph>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
