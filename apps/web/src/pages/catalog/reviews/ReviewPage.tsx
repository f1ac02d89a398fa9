/**
 * The bureau's review of one submission or change request: the step's time left, the filing facts
 * of a change (R10.3) and what it changes, the overlaps with the steward's justification (R9.1), the
 * metadata, and the decision: approve, return with every reason at once (R16.1), or, for a lowered
 * attribute, the administrators' approval of the downgrade (R18.3).
 */
import type { CatalogVersion } from '@gongshu/contracts';
import { Alert, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useCatalogVersion, useClassifications } from '../../../api/catalog';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { ChangeFiling } from '../shared/ChangeFiling';
import { classificationPath } from '../shared/classifications';
import { DiffTable } from '../shared/DiffTable';
import { MetadataCards } from '../shared/MetadataCards';
import { OverlapList } from '../shared/OverlapList';
import { VersionKindTag } from '../shared/VersionKindTag';
import { VersionStateTag } from '../shared/VersionStateTag';
import { ApproveForm } from './ApproveForm';
import { DowngradeForm } from './DowngradeForm';
import { ReturnForm } from './ReturnForm';
import { ReviewDeadline } from './ReviewDeadline';

const cardTitle = (text: string, testId?: string) => (
  <h2 className="gs-card-title" data-testid={testId}>
    {text}
  </h2>
);

/** The decision the version waits for, and who may take it. */
function Decision({ version }: { readonly version: CatalogVersion }) {
  const t = useT();
  const { can } = useAuth();
  switch (version.state) {
    case 'submitted':
      return (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={cardTitle(t('catalog.review.approveHeading'))}>
            <ApproveForm version={version} />
          </Card>
          <Card title={cardTitle(t('catalog.review.returnHeading'))}>
            <ReturnForm version={version} />
          </Card>
        </Space>
      );
    case 'downgrade_review':
      return can('catalog.downgrade') ? (
        <Card title={cardTitle(t('catalog.downgrade.heading'))}>
          <DowngradeForm version={version} />
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('catalog.downgrade.adminOnly')} data-testid="downgrade-admin-only" />
      );
    case 'published':
    case 'superseded':
      return (
        <Alert
          type="success"
          showIcon
          title={t('catalog.review.done', { state: t(`catalog.state.${version.state}`) })}
          action={
            <LinkButton size="small" to={`/catalog/resources/${version.resourceId}`}>
              {t('catalog.version.toResource')}
            </LinkButton>
          }
          data-testid="review-done"
        />
      );
    case 'draft':
    case 'returned':
    case 'withdrawn':
      return (
        <Alert
          type="info"
          showIcon
          title={t('catalog.review.done', { state: t(`catalog.state.${version.state}`) })}
          data-testid="review-done"
        />
      );
  }
}

export function ReviewPage() {
  const t = useT();
  const { id = '' } = useParams();
  const query = useCatalogVersion(id);
  const classifications = useClassifications();
  const version = query.data;
  const path = useMemo(
    () => (version ? classificationPath(classifications.data ?? [], version.metadata.classificationCode) : []),
    [classifications.data, version],
  );
  const crumbs = [{ label: t('catalog.reviews.heading'), to: '/catalog/reviews' }];

  if (query.isPending) return <PageLoading />;
  if (!version) {
    return (
      <>
        <PageHeader title={t('catalog.reviews.heading')} crumbs={crumbs} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={version.metadata.name}
        crumbs={crumbs}
        description={t('catalog.editor.versionOf', { number: version.number, provider: version.provider.name })}
        extra={
          <Space size={4} wrap>
            <VersionKindTag kind={version.kind} />
            <VersionStateTag state={version.state} />
            {version.filedLate ? <Tag color="error">{t('catalog.change.filedLate')}</Tag> : null}
            {version.downgrades.length > 0 ? (
              <Tag color="warning">
                {t('catalog.reviews.downgrade', {
                  attributes: version.downgrades.map((attribute) => t(`catalog.downgrade.${attribute}`)).join(t('common.listSeparator')),
                })}
              </Tag>
            ) : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={cardTitle(t('catalog.review.deadlineHeading'), 'section-deadline')}>
              <ReviewDeadline version={version} />
            </Card>
            {version.kind === 'change' ? (
              <Card title={cardTitle(t('catalog.section.change'), 'section-change')}>
                <ChangeFiling version={version} />
                <h3 className="gs-subheading" style={{ marginTop: 16 }}>
                  {t('catalog.change.diffHeading')}
                </h3>
                <DiffTable changes={version.changes} testId="change-diff" />
              </Card>
            ) : null}
            <Card title={cardTitle(t('catalog.overlap.heading'), 'section-overlap')}>
              <OverlapList overlaps={version.overlaps} />
              {version.overlaps.length > 0 ? (
                <>
                  <h3 className="gs-subheading" style={{ marginTop: 16 }}>
                    {t('catalog.overlap.justification')}
                  </h3>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="justification">
                    {version.justification ?? t('catalog.overlap.noJustification')}
                  </Typography.Paragraph>
                </>
              ) : null}
            </Card>
            <MetadataCards metadata={version.metadata} classification={path} provider={version.provider} code={version.resourceCode} />
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <div className="gs-editor-aside">
            <Decision version={version} />
          </div>
        </Col>
      </Row>
    </>
  );
}
