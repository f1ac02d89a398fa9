/**
 * The downloadable forms of an open resource (R19.1) and where each is fetched: one list for the
 * CKAN-compatible API, the DCAT-AP catalog and the portal's schema.org markup.
 */
export const DISTRIBUTION_FORMATS = [
  { format: 'csv', label: 'CSV', mediaType: 'text/csv' },
  { format: 'xlsx', label: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { format: 'json', label: 'JSON', mediaType: 'application/json' },
] as const;

export type DistributionFormat = (typeof DISTRIBUTION_FORMATS)[number]['format'];

/** The path of an open resource's download in one format (relative to the node's public URL). */
export function openDownloadPath(resourceId: string, format: DistributionFormat): string {
  return `/api/open/resources/${encodeURIComponent(resourceId)}/download?format=${format}`;
}

/**
 * The public page of an open resource on the portal (relative to the node's public URL): the one
 * landing page that CKAN (`url`), DCAT (`dcat:landingPage`), schema.org markup and citation lines
 * point to. Anonymous visitors can open it, unlike the catalog page of the agencies' workspace.
 */
export function openPortalPath(resourceId: string): string {
  return `/open/resources/${encodeURIComponent(resourceId)}`;
}

/** The query API of an open resource (records with fields, filters and paging; an API key or a session). */
export function openRecordsPath(resourceId: string): string {
  return `/api/open/resources/${encodeURIComponent(resourceId)}/records`;
}

export interface OpenCitationInput {
  /** The providing agency. */
  readonly provider: string;
  /** The resource's name. */
  readonly resource: string;
  /** The resource code of the catalog, when it has one. */
  readonly code: string | null;
  /** The catalog version in force. */
  readonly version: number;
  /** The China day the data was obtained (YYYY-MM-DD). */
  readonly retrievedOn: string;
  /** The resource's public page (absolute URL). */
  readonly url: string;
  /** The platform's name, e.g. 滕州市公共数据开放平台 (optional). */
  readonly platform?: string | null;
}

/**
 * The citation line of open data (R23.1: a data product states the source of its public data and
 * the date it was obtained): provider, resource, version, retrieval date and URL, in one line that
 * the portal shows with a copy button and the downloads and API responses carry.
 */
export function openCitation(input: OpenCitationInput): string {
  const code = input.code ? `资源代码 ${input.code}，` : '';
  const platform = input.platform ? `，${input.platform}` : '';
  return `数据来源：${input.provider}《${input.resource}》（${code}第 ${input.version} 版）${platform}，获取日期 ${input.retrievedOn}，${input.url}`;
}
