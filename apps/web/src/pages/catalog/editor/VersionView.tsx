import type { CatalogVersion } from '@gongshu/contracts';
import { Alert, Card, Space, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useClassifications } from '../../../api/catalog';
import { useAuth } from '../../../auth/useAuth';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n/useT';
import { TimeLeft } from '../../deadlines/TimeLeft';
import { formatDateTime } from '../../shared/labels';
import { ChangeFiling } from '../shared/ChangeFiling';
import { classificationPath } from '../shared/classifications';
import { DiffTable } from '../shared/DiffTable';
import { MetadataCards } from '../shared/MetadataCards';
import { OverlapList } from '../shared/OverlapList';
import { ReturnReasons } from '../shared/ReturnReasons';
import { VersionKindTag } from '../shared/VersionKindTag';
import { VersionStateTag } from '../shared/VersionStateTag';

const cardTitle = (text: string, testId: string) => (
  <h2 className="gs-card-title" data-testid={testId}>
    {text}
  </h2>
);

/** Where the version stands, in one sentence, with the way on (the review, the published entry). */
function StatusNote({ version }: { readonly version: CatalogVersion }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const review = can('catalog.review') && (version.state === 'submitted' || version.state === 'downgrade_review');
  let title: ReactNode;
  let type: 'info' | 'success' | 'warning' = 'info';
  switch (version.state) {
    case 'submitted':
    case 'downgrade_review':
      title = (
        <span>
          {t(version.state === 'submitted' ? 'catalog.status.submitted' : 'catalog.status.downgradeReview', {
            at: formatDateTime(lang, version.submittedAt),
          })}
          {version.deadline ? (
            <span style={{ marginInlineStart: 8 }}>
              <TimeLeft item={version.deadline} />
            </span>
          ) : null}
        </span>
      );
      break;
    case 'published':
      type = 'success';
      title = t('catalog.status.published', { at: formatDateTime(lang, version.publishedAt) });
      break;
    case 'superseded':
      title = t('catalog.status.superseded');
      break;
    case 'withdrawn':
      type = 'warning';
      title = t('catalog.status.withdrawn');
      break;
    case 'draft':
    case 'returned':
      title = t('catalog.status.otherAgency');
      break;
  }
  const action = review ? (
    <LinkButton size="small" type="primary" to={`/catalog/reviews/${version.id}`}>
      {t('catalog.review.open')}
    </LinkButton>
  ) : version.state === 'published' || version.state === 'superseded' ? (
    <LinkButton size="small" to={`/catalog/resources/${version.resourceId}`}>
      {t('catalog.version.toResource')}
    </LinkButton>
  ) : undefined;
  return <Alert type={type} showIcon style={{ marginBottom: 16 }} title={title} action={action} data-testid="version-status" />;
}

/** A version read only: status, return reasons, change filing and diff (R10.3), overlaps (R9.1), metadata. */
export function VersionView({ version }: { readonly version: CatalogVersion }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const classifications = useClassifications();
  const path = useMemo(
    () => classificationPath(classifications.data ?? [], version.metadata.classificationCode),
    [classifications.data, version.metadata.classificationCode],
  );
  const crumbs = can('catalog.edit')
    ? [{ label: t('catalog.mine.heading'), to: '/catalog/mine' }]
    : [{ label: t('catalog.heading'), to: '/catalog' }];
  return (
    <>
      <PageHeader
        title={version.metadata.name || t('catalog.editor.untitled')}
        crumbs={crumbs}
        description={t('catalog.editor.versionOf', { number: version.number, provider: version.provider.name })}
        extra={
          <Space size={4}>
            <VersionKindTag kind={version.kind} />
            <VersionStateTag state={version.state} />
          </Space>
        }
      />
      <StatusNote version={version} />
      <ReturnReasons version={version} />
      {version.reviewComment ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.review.commentLabel', { comment: version.reviewComment })}
        />
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {version.kind === 'change' ? (
          <Card title={cardTitle(t('catalog.section.change'), 'section-change')}>
            <ChangeFiling version={version} />
            <h3 className="gs-subheading" style={{ marginTop: 16 }}>
              {t('catalog.change.diffHeading')}
            </h3>
            <DiffTable changes={version.changes} testId="change-diff" />
          </Card>
        ) : null}
        {version.overlaps.length > 0 ? (
          <Card title={cardTitle(t('catalog.overlap.heading'), 'section-overlap')}>
            <OverlapList overlaps={version.overlaps} />
            <h3 className="gs-subheading" style={{ marginTop: 16 }}>
              {t('catalog.overlap.justification')}
            </h3>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="justification">
              {version.justification ?? t('catalog.overlap.noJustification')}
            </Typography.Paragraph>
          </Card>
        ) : null}
        <MetadataCards metadata={version.metadata} classification={path} provider={version.provider} code={version.resourceCode} />
      </Space>
    </>
  );
}
