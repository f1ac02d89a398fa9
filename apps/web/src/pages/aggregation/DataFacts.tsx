import type { QualityView } from '@gongshu/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { formatCount } from './format';

/** 数据行数, 最近汇聚, 质量评分 and 待处理问题 of a resource, side by side (R11.1, R12.1). */
export function DataFacts({ quality }: { readonly quality: QualityView }) {
  const { t, lang } = useI18n();
  const figures = [
    { key: 'rows', title: t('data.facts.rows'), value: formatCount(lang, quality.rowCount) },
    { key: 'last', title: t('data.facts.lastLoaded'), value: formatDateTime(lang, quality.lastLoadedAt) || t('data.facts.never') },
    { key: 'score', title: t('data.facts.score'), value: quality.current ? String(quality.current.score) : '—' },
    { key: 'problems', title: t('data.facts.openProblems'), value: String(quality.openProblems) },
  ];
  return (
    <Row gutter={[16, 16]}>
      {figures.map((figure) => (
        <Col key={figure.key} xs={12} lg={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={figure.title}
              value={figure.value}
              styles={{ content: { fontSize: figure.key === 'last' ? 18 : 24, fontWeight: 600 } }}
              data-testid={`data-fact-${figure.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
