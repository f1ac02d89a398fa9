import type { PortalResource } from '@gongshu/contracts';
import { Card, Descriptions, Flex, Progress, Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { chinaDate } from '../../shared/labels';

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/** The latest quality score of the data (R12.1) as a gauge, with its parts. */
export function QualityCard({ quality }: { readonly quality: PortalResource['quality'] }) {
  const { t } = useI18n();
  const title = <h2 className="gs-card-title">{t('open.portal.quality.heading')}</h2>;
  if (!quality) {
    return (
      <Card title={title} data-testid="open-quality">
        <Typography.Text type="secondary">{t('open.portal.quality.none')}</Typography.Text>
      </Card>
    );
  }
  const score = Math.round(quality.score);
  return (
    <Card title={title} data-testid="open-quality">
      <Flex gap={16} align="center" wrap>
        <Progress
          type="dashboard"
          percent={score}
          format={() => String(score)}
          size={110}
          status={score >= 80 ? 'success' : score >= 60 ? 'normal' : 'exception'}
          aria-label={t('open.portal.quality.score', { score })}
        />
        <Descriptions
          column={1}
          size="small"
          style={{ flex: 1, minWidth: 180 }}
          items={[
            { key: 'c', label: t('open.portal.quality.completeness'), children: percent(quality.completeness) },
            { key: 'v', label: t('open.portal.quality.validity'), children: percent(quality.validity) },
            { key: 'u', label: t('open.portal.quality.uniqueness'), children: percent(quality.uniqueness) },
            { key: 't', label: t('open.portal.quality.timeliness'), children: percent(quality.timeliness) },
          ]}
        />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t(quality.overdue ? 'open.portal.quality.overdue' : 'open.portal.quality.computed', { date: chinaDate(quality.computedAt) })}
      </Typography.Paragraph>
    </Card>
  );
}
