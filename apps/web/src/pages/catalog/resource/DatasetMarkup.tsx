/**
 * schema.org `Dataset` markup (JSON-LD) of an open resource (issue 7 item 10), so that search
 * engines and dataset search find the city's open data: name, description, keywords, provider,
 * licence, the downloads with their formats, dates and the city as spatial coverage. Nothing for
 * a resource that is not open (R18.1). Its URL is the public page on the portal (openPortalPath),
 * the same landing page as in CKAN and DCAT; the catalog page and the portal page both carry it.
 */
import { DISTRIBUTION_FORMATS, openDownloadPath, openPortalPath, type CatalogResource } from '@gongshu/contracts';
import { recognizeLicence } from '@gongshu/domain';
import { usePortalSummary } from '../../../api/portal';

/** What the markup says about an open resource, from either the catalog or the portal. */
export interface DatasetFacts {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  readonly nameEn: string | null;
  readonly summary: string;
  readonly keywords: readonly string[];
  readonly provider: string;
  readonly licence: string | null;
  readonly openType: 'unconditional' | 'conditional' | 'none';
  readonly openConditions: string | null;
  readonly version: number;
  readonly firstPublishedAt: string | null;
  readonly lastPublishedAt: string | null;
  readonly fieldNames: readonly string[];
}

/** The markup of an open resource's facts, or null when it is not open. */
export function datasetJsonLd(facts: DatasetFacts, origin: string, cityName: string | null): Record<string, unknown> | null {
  if (facts.openType === 'none') return null;
  const provider = { '@type': 'Organization', name: facts.provider };
  const url = `${origin}${openPortalPath(facts.id)}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': url,
    url,
    name: facts.name,
    alternateName: facts.nameEn ?? undefined,
    description: facts.summary,
    identifier: facts.code ?? undefined,
    keywords: facts.keywords,
    inLanguage: 'zh-CN',
    creator: provider,
    publisher: provider,
    license: recognizeLicence(facts.licence)?.url ?? facts.licence ?? undefined,
    isAccessibleForFree: true,
    // R19.2: conditional open data is granted on application under the provider's conditions.
    conditionsOfAccess: facts.openType === 'conditional' ? (facts.openConditions ?? undefined) : undefined,
    version: String(facts.version),
    datePublished: facts.firstPublishedAt ?? undefined,
    dateModified: facts.lastPublishedAt ?? undefined,
    spatialCoverage: cityName ? { '@type': 'Place', name: cityName } : undefined,
    variableMeasured: facts.fieldNames,
    distribution: DISTRIBUTION_FORMATS.map((f) => ({
      '@type': 'DataDownload',
      name: `${facts.name}（${f.label}）`,
      encodingFormat: f.mediaType,
      contentUrl: `${origin}${openDownloadPath(facts.id, f.format)}`,
    })),
  };
}

/** The markup of a catalog resource, or null when it is not published as open data. */
export function datasetMarkup(resource: CatalogResource, origin: string, cityName: string | null): Record<string, unknown> | null {
  const current = resource.current;
  if (!current) return null;
  const m = current.metadata;
  return datasetJsonLd(
    {
      id: resource.id,
      code: resource.code ?? null,
      name: m.name,
      nameEn: m.nameEn,
      summary: m.summary,
      keywords: m.keywords,
      provider: resource.provider.name,
      licence: m.licence,
      openType: m.open.type,
      openConditions: m.open.conditions,
      version: current.number,
      firstPublishedAt: resource.firstPublishedAt ?? null,
      lastPublishedAt: resource.lastPublishedAt ?? null,
      fieldNames: m.fields.map((f) => f.name),
    },
    origin,
    cityName,
  );
}

/** A JSON-LD data block, never executed; `<` escaped so no text can close the element. */
export function JsonLdScript({ markup }: { readonly markup: Record<string, unknown> | null }) {
  if (!markup) return null;
  return <script type="application/ld+json">{JSON.stringify(markup).replace(/</g, '\\u003c')}</script>;
}

export function DatasetMarkup({ resource }: { resource: CatalogResource }) {
  const summary = usePortalSummary();
  return <JsonLdScript markup={datasetMarkup(resource, window.location.origin, summary.data?.cityName || null)} />;
}
