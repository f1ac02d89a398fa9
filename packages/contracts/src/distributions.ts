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
