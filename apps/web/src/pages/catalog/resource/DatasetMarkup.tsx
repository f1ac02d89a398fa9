/**
 * schema.org `Dataset` markup (JSON-LD) of an open resource (issue 7 item 10), so that search
 * engines and dataset search find the city's open data: name, description, keywords, provider,
 * licence, the downloads with their formats, dates and the city as spatial coverage. Nothing for
 * a resource that is not open (R18.1).
 */
import { DISTRIBUTION_FORMATS, openDownloadPath, type CatalogResource } from '@gongshu/contracts';
import { recognizeLicence } from '@gongshu/domain';
import { usePortalSummary } from '../../../api/portal';

/** The markup of a resource, or null when it is not published as open data. */
export function datasetMarkup(resource: CatalogResource, origin: string, cityName: string | null): Record<string, unknown> | null {
  const current = resource.current;
  if (!current || current.metadata.open.type === 'none') return null;
  const m = current.metadata;
  const provider = { '@type': 'Organization', name: resource.provider.name };
  const url = `${origin}/catalog/resources/${resource.id}`;
  const markup: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': url,
    url,
    name: m.name,
    alternateName: m.nameEn ?? undefined,
    description: m.summary,
    identifier: resource.code ?? undefined,
    keywords: m.keywords,
    inLanguage: 'zh-CN',
    creator: provider,
    publisher: provider,
    license: recognizeLicence(m.licence)?.url ?? m.licence ?? undefined,
    isAccessibleForFree: true,
    // R19.2: conditional open data is granted on application under the provider's conditions.
    conditionsOfAccess: m.open.type === 'conditional' ? (m.open.conditions ?? undefined) : undefined,
    version: String(current.number),
    datePublished: resource.firstPublishedAt ?? undefined,
    dateModified: resource.lastPublishedAt ?? undefined,
    spatialCoverage: cityName ? { '@type': 'Place', name: cityName } : undefined,
    variableMeasured: m.fields.map((f) => f.name),
    distribution: DISTRIBUTION_FORMATS.map((f) => ({
      '@type': 'DataDownload',
      name: `${m.name}（${f.label}）`,
      encodingFormat: f.mediaType,
      contentUrl: `${origin}${openDownloadPath(resource.id, f.format)}`,
    })),
  };
  return markup;
}

export function DatasetMarkup({ resource }: { resource: CatalogResource }) {
  const summary = usePortalSummary();
  const markup = datasetMarkup(resource, window.location.origin, summary.data?.cityName || null);
  if (!markup) return null;
  // A data block, never executed; `<` escaped so no text can close the element.
  return <script type="application/ld+json">{JSON.stringify(markup).replace(/</g, '\\u003c')}</script>;
}
