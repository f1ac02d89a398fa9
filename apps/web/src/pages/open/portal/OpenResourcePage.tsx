/**
 * The public page of an open resource (/open/resources/:id, issue 7 item 1): what the data is,
 * its dictionary and a preview of the first rows, the downloads and the query API, licence,
 * update frequency, quality score, counts of views, downloads and API calls, and the citation
 * line to copy (R23.1); schema.org Dataset markup for search engines. Every visit counts a view.
 */
import { ApiError } from '@gongshu/contracts';
import { Card, Col, Result, Row, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useOpenResource } from '../../../api/openPortal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';
import { datasetJsonLd, JsonLdScript } from '../../catalog/resource/DatasetMarkup';
// The other parts' cards, at their fixed paths (plan: fixed interfaces).
import { ApplyCard } from '../applications/ApplyCard';
import { ResourceObjections } from '../participation/ResourceObjections';
import { ResourceShowcase } from '../participation/ResourceShowcase';
import { ApiUsageCard } from './ApiUsageCard';
import { CitationCard } from './CitationCard';
import { DictionaryTable } from './DictionaryTable';
import { DownloadCard } from './DownloadCard';
import { FactsCard } from './FactsCard';
import { PreviewCard } from './PreviewCard';
import { QualityCard } from './QualityCard';
import { UsageCard } from './UsageCard';

export function OpenResourcePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const resource = useOpenResource(id);
  const crumbs = [
    { label: t('nav.home'), to: '/' },
    { label: t('open.portal.searchPage.heading'), to: '/open' },
  ];

  if (resource.isError) {
    const notFound = resource.error instanceof ApiError && (resource.error.status === 404 || resource.error.status === 400);
    return (
      <PublicLayout>
        <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
          <PageHeader title={t('open.portal.resource.notFoundTitle')} crumbs={crumbs} />
          {notFound ? (
            <Result
              status="404"
              title={t('open.portal.resource.notFound')}
              extra={<LinkButton to="/open">{t('open.portal.resource.backToSearch')}</LinkButton>}
            />
          ) : (
            <ErrorAlert error={resource.error} onRetry={() => void resource.refetch()} />
          )}
        </div>
      </PublicLayout>
    );
  }
  const r = resource.data;
  if (!r) {
    return (
      <PublicLayout>
        <PageLoading />
      </PublicLayout>
    );
  }
  const fields = r.fields.map((f) => ({ code: f.code, name: f.name }));
  const markup = datasetJsonLd(
    {
      id: r.id,
      code: r.code,
      name: r.name,
      nameEn: r.nameEn,
      summary: r.summary,
      keywords: r.keywords,
      provider: r.provider.name,
      licence: r.licence.text,
      openType: r.openType,
      openConditions: r.openConditions,
      version: r.version,
      firstPublishedAt: r.firstPublishedAt,
      lastPublishedAt: r.lastPublishedAt,
      fieldNames: r.fields.map((f) => f.name),
    },
    window.location.origin,
    r.cityName || null,
  );

  return (
    <PublicLayout footer={t('app.footerPortal', { city: r.cityName })}>
      <JsonLdScript markup={markup} />
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={r.name}
          crumbs={crumbs}
          description={
            <Space orientation="vertical" size={8}>
              {r.nameEn ? <span lang="en">{r.nameEn}</span> : null}
              <Typography.Paragraph style={{ margin: 0 }}>{r.summary}</Typography.Paragraph>
              {r.keywords.length > 0 ? (
                <Space size={[4, 4]} wrap aria-label={t('open.portal.resource.keywords')}>
                  {r.keywords.map((k) => (
                    <Tag key={k}>{k}</Tag>
                  ))}
                </Space>
              ) : null}
            </Space>
          }
        />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card title={<h2 className="gs-card-title">{t('open.portal.dictionary.heading', { count: r.fields.length })}</h2>}>
                <DictionaryTable fields={r.fields} />
              </Card>
              <PreviewCard resourceId={r.id} openType={r.openType} />
              <ApiUsageCard resourceId={r.id} fields={r.fields} />
              <ResourceShowcase resourceId={r.id} />
              <ResourceObjections resourceId={r.id} fields={fields} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {/* Conditional data: the provider's conditions and 申请使用 (R19.2), or the visitor's application or grant. */}
              {r.openType === 'conditional' ? <ApplyCard resourceId={r.id} openType={r.openType} /> : null}
              <DownloadCard resourceId={r.id} openType={r.openType} />
              <CitationCard citation={r.citation} />
              <FactsCard resource={r} />
              <QualityCard quality={r.quality} />
              <UsageCard usage={r.usage} />
            </Space>
          </Col>
        </Row>
      </div>
    </PublicLayout>
  );
}
