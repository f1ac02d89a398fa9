import type { QualityView } from '@gongshu/contracts';
import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { EmptyText } from '../../components/EmptyText';
import { useI18n } from '../../i18n/useT';
import { COLORS } from '../../theme';
import { formatDateTime } from '../shared/labels';
import { toPercent } from './format';

type Current = NonNullable<QualityView['current']>;
type Part = 'completeness' | 'validity' | 'uniqueness' | 'timeliness';

/** The parts of the score and their weights (apps/server quality.ts). */
const PARTS: readonly { readonly part: Part; readonly weight: number }[] = [
  { part: 'completeness', weight: 30 },
  { part: 'validity', weight: 30 },
  { part: 'uniqueness', weight: 20 },
  { part: 'timeliness', weight: 20 },
];

/** Green from 90, blue from 60, red below: the number says the same in words. */
function colorOf(value: number): string {
  if (value >= 90) return COLORS.success;
  if (value >= 60) return COLORS.primary;
  return COLORS.error;
}

/**
 * 质量评分 (R12.1): the score 0–100 as a gauge, and its four parts: completeness (filled values),
 * validity (rows that passed the checks of the last load), uniqueness (distinct identifiers) and
 * timeliness (data within its update frequency, R11.1).
 */
export function QualityScoreCard({ current }: { readonly current: Current | null }) {
  const { t, lang } = useI18n();
  return (
    <Card
      style={{ height: '100%' }}
      title={
        <h2 className="gs-card-title" data-testid="quality-score-heading">
          {t('data.score.heading')}
        </h2>
      }
    >
      {current ? (
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} sm={10}>
            <Flex vertical align="center" gap={4}>
              <Progress
                type="dashboard"
                percent={current.score}
                strokeColor={colorOf(current.score)}
                format={() => <span data-testid="quality-score">{current.score}</span>}
                aria-label={t('data.score.aria', { score: current.score })}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('data.score.computedAt', { at: formatDateTime(lang, current.computedAt) })}
              </Typography.Text>
            </Flex>
          </Col>
          <Col xs={24} sm={14}>
            <dl className="gs-score-parts" data-testid="quality-parts">
              {PARTS.map(({ part, weight }) => {
                const value = toPercent(current[part]);
                return (
                  <div key={part}>
                    <dt>
                      {t(`data.score.${part}`)}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {' '}
                        {t('data.score.weight', { weight })}
                      </Typography.Text>
                    </dt>
                    <dd>
                      <Progress
                        percent={value}
                        size="small"
                        strokeColor={colorOf(value)}
                        format={() => `${value}%`}
                        aria-label={t(`data.score.${part}`)}
                      />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`data.score.${part}Help`)}
                      </Typography.Text>
                    </dd>
                  </div>
                );
              })}
            </dl>
          </Col>
        </Row>
      ) : (
        <EmptyText>{t('data.score.none')}</EmptyText>
      )}
    </Card>
  );
}
