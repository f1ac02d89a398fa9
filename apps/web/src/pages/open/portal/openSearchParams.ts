/**
 * The portal search keeps its state in the address (q, facets, sort, page), so a search can be
 * bookmarked, shared and reached with the back button.
 */
import type { PortalSearchQuery } from '@gongshu/contracts';
import { codesOf, FORMAT_CATEGORIES, UPDATE_FREQUENCIES } from '@gongshu/domain';

export const OPEN_FACETS = ['openType', 'provider', 'classification', 'sector', 'updateFrequency', 'formatCategory'] as const;
export type OpenFacet = (typeof OPEN_FACETS)[number];

export const OPEN_PAGE_SIZE = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SORTS = ['relevance', 'date', 'downloads'] as const;

function oneOf<C extends string>(value: string | null, codes: readonly C[]): C | undefined {
  return value !== null && (codes as readonly string[]).includes(value) ? (value as C) : undefined;
}

/** The API query of the address; values the API would refuse are left out. */
export function openQueryOf(params: URLSearchParams): PortalSearchQuery {
  const q = params.get('q')?.trim().slice(0, 200);
  const page = Number(params.get('page'));
  const provider = params.get('provider');
  const sector = params.get('sector');
  const classification = params.get('classification');
  const query: PortalSearchQuery = {
    sort: oneOf(params.get('sort'), SORTS) ?? 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
    pageSize: OPEN_PAGE_SIZE,
  };
  if (q) query.q = q;
  if (provider && UUID.test(provider)) query.provider = provider;
  if (sector && sector.length <= 40) query.sector = sector;
  if (classification && /^[0-9]{3}$/.test(classification)) query.classification = classification;
  const openType = oneOf(params.get('openType'), ['unconditional', 'conditional'] as const);
  if (openType) query.openType = openType;
  const formatCategory = oneOf(params.get('formatCategory'), codesOf(FORMAT_CATEGORIES));
  if (formatCategory) query.formatCategory = formatCategory;
  const updateFrequency = oneOf(params.get('updateFrequency'), codesOf(UPDATE_FREQUENCIES));
  if (updateFrequency) query.updateFrequency = updateFrequency;
  return query;
}

/** The address after changing some parameters; any change but the page goes back to page 1. */
export function withOpenParams(params: URLSearchParams, changes: Readonly<Record<string, string | null>>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
