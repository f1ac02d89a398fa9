/**
 * The public data catalog (R10.1–R10.3): search and entries for every signed-in user, my agency's
 * drafts and change requests with live validation (R9.1, R13.1, R18.1), and the bureau's review.
 * Every write moves versions between states and steps on the clock, so the catalog, pending lists
 * and notifications refresh together.
 */
import {
  ApiError,
  routes,
  type CatalogVersion,
  type Problem,
  type ResourceMetadata,
  type RouteInput,
  type SearchQuery,
} from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { queryKeys } from './queryKeys';

export type VersionState = CatalogVersion['state'];
export type ReturnReasonInput = RouteInput<typeof routes.returnVersion>['body']['reasons'][number];

/** One refused entry of a batch submission, with everything that stops it. */
export interface SubmitFailure {
  readonly versionId: string;
  readonly name: string;
  readonly problems: readonly Problem[];
}

export interface DraftInput {
  readonly metadata: ResourceMetadata;
  readonly justification: string | null;
  readonly changeReason?: string | null;
  readonly lawChangeDate?: string | null;
}

/** The 类 / 项 / 目 / 细目 tree; it changes with a release, not during a visit. */
export function useClassifications() {
  return useQuery({
    queryKey: queryKeys.catalogClassifications,
    queryFn: () => api(routes.listClassifications),
    staleTime: Infinity,
  });
}

export function useCatalogSearch(query: SearchQuery) {
  return useQuery({
    queryKey: queryKeys.catalogSearch(query),
    queryFn: () => api(routes.searchCatalog, { query }),
    placeholderData: (previous) => previous,
  });
}

export function useCatalogResource(id: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.catalogResource(id),
    queryFn: () => api(routes.getResource, { params: { id } }),
    enabled: enabled && Boolean(id),
  });
}

export function useCatalogVersion(id: string | null) {
  return useQuery({
    queryKey: queryKeys.catalogVersion(id ?? ''),
    queryFn: () => api(routes.getVersion, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

/** What changed between two version numbers of an entry; asked only once both are chosen. */
export function useCatalogDiff(resourceId: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: queryKeys.catalogDiff(resourceId, pair?.from ?? 0, pair?.to ?? 0),
    queryFn: () => api(routes.diffVersions, { params: { id: resourceId }, query: pair ?? { from: 1, to: 1 } }),
    enabled: pair !== null && pair.from !== pair.to,
  });
}

export function useMyCatalog() {
  return useQuery({ queryKey: queryKeys.catalogMine, queryFn: () => api(routes.myCatalog) });
}

export function useReviewQueue(enabled = true) {
  return useQuery({ queryKey: queryKeys.catalogReviews, queryFn: () => api(routes.reviewQueue), enabled });
}

/**
 * Live validation of metadata being edited: problems with their field paths, and the fields that
 * overlap published resources (R9.1). The caller debounces; the previous answer stays on screen
 * while the next one is asked.
 */
export function useCatalogCheck(metadata: ResourceMetadata | null, resourceId: string | null) {
  const key = metadata ? JSON.stringify(metadata) : '';
  return useQuery({
    queryKey: queryKeys.catalogCheck(resourceId, key),
    queryFn: () => api(routes.checkMetadata, { body: { metadata: metadata as ResourceMetadata, ...(resourceId ? { resourceId } : {}) } }),
    enabled: metadata !== null,
    placeholderData: (previous) => previous,
    staleTime: 60_000,
    retry: false,
  });
}

function useAfterCatalogChange() {
  const queryClient = useQueryClient();
  return (versions: readonly CatalogVersion[] = []) => {
    for (const version of versions) queryClient.setQueryData(queryKeys.catalogVersion(version.id), version);
    void queryClient.invalidateQueries({ queryKey: queryKeys.catalog });
    void queryClient.invalidateQueries({ queryKey: queryKeys.deadlines });
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  };
}

/** Saves a new entry (POST) or a draft or returned version (PUT): saved even with problems, which it lists. */
export function useSaveDraft() {
  const after = useAfterCatalogChange();
  return useMutation({
    mutationFn: ({ versionId, input }: { versionId: string | null; input: DraftInput }): Promise<CatalogVersion> =>
      versionId
        ? api(routes.updateDraft, { params: { id: versionId }, body: { ...input } })
        : api(routes.createDraft, { body: { metadata: input.metadata, justification: input.justification } }),
    onSuccess: (version) => after([version]),
  });
}

/** A change request from the published version (R10.3). */
export function useStartChange() {
  const after = useAfterCatalogChange();
  return useMutation({
    mutationFn: (input: { resourceId: string; changeReason: string; lawChangeDate: string }) =>
      api(routes.startChange, {
        params: { id: input.resourceId },
        body: { changeReason: input.changeReason, lawChangeDate: input.lawChangeDate },
      }),
    onSuccess: (version) => after([version]),
  });
}

export function useWithdrawDraft() {
  const after = useAfterCatalogChange();
  return useMutation({
    mutationFn: (versionId: string) => api(routes.discardDraft, { params: { id: versionId } }),
    onSuccess: () => after(),
  });
}

/** Submits drafts for formal review, all or none (R8.1, R10.2). */
export function useSubmitVersions() {
  const after = useAfterCatalogChange();
  return useMutation({
    mutationFn: (versionIds: readonly string[]) => api(routes.submitVersions, { body: { versionIds: [...versionIds] } }),
    onSuccess: (versions) => after(versions),
  });
}

export function useApproveVersion() {
  const after = useAfterCatalogChange();
  return useMutation({
    mutationFn: (input: { id: string; comment: string | null }) =>
      api(routes.approveVersion, { params: { id: input.id }, body: { comment: input.comment } }),
    onSuccess: (version) => after([version]),
  });
}

/** Returns a submission with all its reasons at once (R16.1). */
export function useReturnVersion() {
  const after = useAfterCatalogChange();
  return useMutation({
    mutationFn: (input: { id: string; reasons: readonly ReturnReasonInput[] }) =>
      api(routes.returnVersion, { params: { id: input.id }, body: { reasons: [...input.reasons] } }),
    onSuccess: (version) => after([version]),
  });
}

/** The bureau administrators' decision on lowering an open or share attribute (R18.3). */
export function useDecideDowngrade() {
  const after = useAfterCatalogChange();
  return useMutation({
    mutationFn: (input: { id: string; approved: boolean; comment: string }) =>
      api(routes.decideDowngrade, { params: { id: input.id }, body: { approved: input.approved, comment: input.comment } }),
    onSuccess: (version) => after([version]),
  });
}

/**
 * The entries a submission refused (400 CATALOG_INVALID lists them in details.versions), or null
 * when the error is another refusal or the body carries no details.
 */
export function submitFailuresOf(error: unknown): readonly SubmitFailure[] | null {
  if (!(error instanceof ApiError) || error.body.code !== 'CATALOG_INVALID') return null;
  const versions = error.body.details?.versions;
  if (!Array.isArray(versions)) return null;
  return versions.filter(
    (entry): entry is SubmitFailure =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as SubmitFailure).versionId === 'string' &&
      Array.isArray((entry as SubmitFailure).problems),
  );
}
