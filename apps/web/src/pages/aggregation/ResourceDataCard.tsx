import { Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useDataQuality } from '../../api/data';
import { LinkButton } from '../../components/LinkButton';
import { useI18n } from '../../i18n/useT';
import { formatDateTime } from '../shared/labels';
import { useDataAccess } from './dataAccess';
import { formatCount } from './format';
import { dataPath, problemsPath, uploadPath } from './paths';
import { ReportProblemModal } from './ReportProblemModal';

export interface ResourceDataCardProps {
  readonly resourceId: string;
  readonly resourceName: string;
  readonly providerId: string;
}

/**
 * 数据 on a catalog entry: for the provider agency and the bureau, the data's row count, last load,
 * score and open problems with the way to the data pages (R11.1, R12.1); for every reader, a way to
 * report a problem in the data to the provider (R12.2).
 */
export function ResourceDataCard({ resourceId, resourceName, providerId }: ResourceDataCardProps) {
  const { t, lang } = useI18n();
  const access = useDataAccess(providerId);
  const quality = useDataQuality(resourceId, access.view);
  const [reporting, setReporting] = useState(false);
  const view = quality.data;

  return (
    <Card
      title={
        <h2 className="gs-card-title" data-testid="section-data">
          {t('data.resource.heading')}
        </h2>
      }
      extra={
        <Button onClick={() => setReporting(true)} data-testid="report-problem">
          {t('data.report.button')}
        </Button>
      }
    >
      {access.view && view ? (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={t('data.facts.rows')} value={formatCount(lang, view.rowCount)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('data.facts.lastLoaded')}
                value={formatDateTime(lang, view.lastLoadedAt) || t('data.facts.never')}
                styles={{ content: { fontSize: 18 } }}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('data.facts.score')} value={view.current ? String(view.current.score) : '—'} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('data.facts.openProblems')} value={String(view.openProblems)} />
            </Col>
          </Row>
          {view.current?.overdue ? (
            <Typography.Paragraph type="warning" strong style={{ margin: '12px 0 0' }}>
              {t('data.resource.overdue')}
            </Typography.Paragraph>
          ) : null}
          <Flex gap={8} wrap style={{ marginTop: 16 }}>
            <LinkButton type="primary" to={dataPath(resourceId)} data-testid="open-data">
              {t('data.resource.open')}
            </LinkButton>
            {access.provide ? <LinkButton to={uploadPath(resourceId)}>{t('data.upload.button')}</LinkButton> : null}
            <LinkButton to={problemsPath(resourceId)}>{t('data.problems.button', { count: view.openProblems })}</LinkButton>
          </Flex>
        </>
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('data.resource.reportIntro')}
        </Typography.Paragraph>
      )}
      <ReportProblemModal open={reporting} resourceId={resourceId} resourceName={resourceName} onClose={() => setReporting(false)} />
    </Card>
  );
}
