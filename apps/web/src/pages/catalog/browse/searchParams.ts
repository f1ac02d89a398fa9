/**
 * The catalog browser keeps its search in the address (q, facets, sort, page), so a search can be
 * bookmarked, shared and reached with the back button.
 */
import type { SearchQuery } from '@gongshu/contracts';
import { OPEN_TYPES, SHARE_TYPES, FORMAT_CATEGORIES, UPDATE_FREQUENCIES, codesOf } from '@gongshu/domain';

export const FACETS = [
  'provider',
  'sector',
  'classification',
  'shareType',
  'openType',
  'securityLevel',
  'updateFrequency',
  'formatCategory',
] as const;
export type Facet = (typeof FACETS)[number];

export const PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<C extends string>(value: string | null, codes: readonly C[]): C | undefined {
  return value !== null && (codes as readonly string[]).includes(value) ? (value as C) : undefined;
}

/** The API query of the address; values the API would refuse are left out. */
export function queryOf(params: URLSearchParams): SearchQuery {
  const q = params.get('q')?.trim().slice(0, 200);
  const page = Number(params.get('page'));
  const level = Number(params.get('securityLevel'));
  const provider = params.get('provider');
  const sector = params.get('sector');
  const classification = params.get('classification');
  return {
    ...(q ? { q } : {}),
    ...(provider && UUID.test(provider) ? { provider } : {}),
    ...(sector && sector.length <= 40 ? { sector } : {}),
    ...(classification && /^[0-9]{1,12}$/.test(classification) ? { classification } : {}),
    shareType: oneOf(params.get('shareType'), codesOf(SHARE_TYPES)),
    openType: oneOf(params.get('openType'), codesOf(OPEN_TYPES)),
    formatCategory: oneOf(params.get('formatCategory'), codesOf(FORMAT_CATEGORIES)),
    updateFrequency: oneOf(params.get('updateFrequency'), codesOf(UPDATE_FREQUENCIES)),
    ...(Number.isInteger(level) && level >= 1 && level <= 4 ? { securityLevel: level } : {}),
    sort: params.get('sort') === 'updated' ? 'updated' : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** The value of a facet in the query, as the facet lists it (a string). */
export function facetValue(query: SearchQuery, facet: Facet): string | null {
  const value = query[facet];
  return value === undefined ? null : String(value);
}

/** The address after changing some parameters; any change but the page goes back to page 1. */
export function withParams(params: URLSearchParams, changes: Readonly<Record<string, string | null>>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}
