/**
 * One catalog entry as a requester needs it: the metadata in force with its classification path
 * and provider, the data dictionary, the share and open attributes with their conditions and legal
 * basis (R13.1, R18.1), security, update frequency and usage conditions, every version with a
 * comparison of any two (R10.3), and its data: the provider's and bureau's way to the data pages,
 * and everyone's way to report a problem in the data (R12.2); for agencies, sharing: the way to
 * apply (R14–R17) and, for the provider and the bureau, the resource's lineage.
 */
import { Alert, Card, Space } from 'antd';
import { useParams } from 'react-router';
import { useCatalogResource } from '../../../api/catalog';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useI18n } from '../../../i18n/useT';
import { ResourceDataCard } from '../../aggregation/ResourceDataCard';
import { ResourceShareCard } from '../../sharing/shared/ResourceShareCard';
import { formatDateTime } from '../../shared/labels';
import { AttributeTags } from '../shared/AttributeTags';
import { MetadataCards } from '../shared/MetadataCards';
import { DatasetMarkup } from './DatasetMarkup';
import { VersionCompare } from './VersionCompare';
import { VersionHistory } from './VersionHistory';

export function ResourcePage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const { id = '' } = useParams();
  const query = useCatalogResource(id);
  const resource = query.data;
  const crumbs = [{ label: t('catalog.heading'), to: '/catalog' }];

  if (query.isPending) return <PageLoading />;
  if (!resource) {
    return (
      <>
        <PageHeader title={t('catalog.resource.heading')} crumbs={crumbs} />
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }

  const current = resource.current;
  const open = resource.versions.find((version) => !['published', 'superseded', 'withdrawn'].includes(version.state));
  return (
    <>
      <DatasetMarkup resource={resource} />
      <PageHeader
        title={current?.metadata.name ?? t('catalog.resource.unpublished')}
        crumbs={crumbs}
        description={
          <span>
            {resource.code ? <code className="gs-mono">{resource.code}</code> : null}
            {resource.code ? ' · ' : null}
            {resource.provider.name}
          </span>
        }
        extra={
          current ? (
            <AttributeTags
              attributes={{
                shareType: current.metadata.share.type,
                openType: current.metadata.open.type,
                securityLevel: current.metadata.securityLevel,
                updateFrequency: current.metadata.updateFrequency,
                formatCategory: current.metadata.formatCategory,
              }}
            />
          ) : null
        }
      />
      {open ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.resource.openVersion', { number: open.number, state: t(`catalog.state.${open.state}`) })}
          action={
            <LinkButton size="small" to={`/catalog/versions/${open.id}`}>
              {t('common.detail')}
            </LinkButton>
          }
        />
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {current ? (
          <ResourceDataCard resourceId={resource.id} resourceName={current.metadata.name} providerId={resource.provider.id} />
        ) : null}
        {current && can('share.read') ? <ResourceShareCard resource={resource} /> : null}
        {current ? (
          <MetadataCards
            metadata={current.metadata}
            classification={resource.classification}
            provider={resource.provider}
            code={resource.code}
            extra={[
              { key: 'version', label: t('catalog.version.current'), children: t('catalog.version.label', { number: current.number }) },
              { key: 'first', label: t('catalog.meta.firstPublished'), children: formatDateTime(lang, resource.firstPublishedAt) || '—' },
              { key: 'last', label: t('catalog.meta.lastPublished'), children: formatDateTime(lang, resource.lastPublishedAt) || '—' },
            ]}
          />
        ) : (
          <Alert type="warning" showIcon title={t('catalog.resource.notPublished')} />
        )}
        <Card
          title={
            <h2 className="gs-card-title" data-testid="section-versions">
              {t('catalog.section.versions')}
            </h2>
          }
        >
          <VersionHistory versions={resource.versions} />
          <h3 className="gs-subheading" style={{ marginTop: 20 }}>
            {t('catalog.diff.heading')}
          </h3>
          <VersionCompare resourceId={resource.id} versions={resource.versions} current={current?.number ?? null} />
        </Card>
      </Space>
    </>
  );
}
