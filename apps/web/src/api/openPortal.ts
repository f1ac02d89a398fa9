/**
 * The public open-data portal (issue 7 item 1): search with facets over open resources, one
 * resource's public page (each visit counts a view on the server) and its preview of the first rows.
 * No sign-in needed; the summary of the home page is usePortalSummary in ./portal.
 */
import { ApiError, routes, type PortalSearchQuery } from '@gongshu/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export const openPortalKeys = {
  all: ['open-portal'] as const,
  search: (query: PortalSearchQuery) => ['open-portal', 'search', query] as const,
  resource: (id: string) => ['open-portal', 'resource', id] as const,
  preview: (id: string) => ['open-portal', 'preview', id] as const,
};

const notRetriedStatuses = new Set([400, 401, 403, 404, 409, 429]);
const retry = (count: number, error: unknown) => !(error instanceof ApiError && notRetriedStatuses.has(error.status)) && count < 2;

export function useOpenSearch(query: PortalSearchQuery) {
  return useQuery({
    queryKey: openPortalKeys.search(query),
    queryFn: () => api(routes.searchPortal, { query }),
    placeholderData: (previous) => previous,
  });
}

/**
 * The resource's page: fetched on each visit (each fetch counts a view on the server), not again
 * on focus or reconnect, which are not visits.
 */
export function useOpenResource(id: string) {
  return useQuery({
    queryKey: openPortalKeys.resource(id),
    queryFn: () => api(routes.getPortalResource, { params: { id } }),
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry,
  });
}

/** The first rows of an unconditional open resource (the open exit's preview). */
export function useOpenPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: openPortalKeys.preview(id),
    queryFn: () => api(routes.openPreview, { params: { id } }),
    enabled,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry,
  });
}
