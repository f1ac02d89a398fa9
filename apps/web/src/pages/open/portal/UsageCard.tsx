import type { PortalUsage } from '@gongshu/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../../i18n/useT';

/** Views of this page, downloads and API calls (counted from the open exit's deliveries). */
export function UsageCard({ usage }: { readonly usage: PortalUsage }) {
  const { t } = useI18n();
  return (
    <Card title={<h2 className="gs-card-title">{t('open.portal.usage.heading')}</h2>} data-testid="open-usage">
      <Row gutter={8}>
        <Col span={8} data-testid="open-usage-views">
          <Statistic title={t('open.portal.usage.views')} value={usage.views} />
        </Col>
        <Col span={8} data-testid="open-usage-downloads">
          <Statistic title={t('open.portal.usage.downloads')} value={usage.downloads} />
        </Col>
        <Col span={8} data-testid="open-usage-apiCalls">
          <Statistic title={t('open.portal.usage.apiCalls')} value={usage.apiCalls} />
        </Col>
      </Row>
    </Card>
  );
}
