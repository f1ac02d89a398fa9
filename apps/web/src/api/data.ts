/**
 * Aggregated data (R11.1, R11.2, R12.1, R12.2): uploads processed in the background and polled
 * while they run, the loads of a resource, its problem data (quarantined rows and consumers'
 * reports) with their fix, dismissal and confirmation, and its quality owner, rules and score.
 */
import { fillPath, routes, type DataProblem, type LoadBatch, type QualityView, type RouteInput } from '@gongshu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { api } from './client';
import { queryKeys } from './queryKeys';
import { postFile } from './upload';

export type LoadState = LoadBatch['state'];
export type LoadMode = LoadBatch['mode'];
export type ProblemState = DataProblem['state'];
export type ProblemAction = 'fix' | 'confirm' | 'dismiss';
export type QualityInput = RouteInput<typeof routes.putQuality>['body'];
export type QualityRulesInput = QualityInput['rules'];
export type UploadEncoding = 'utf-8' | 'gb18030';

export interface ProblemFilter {
  readonly state?: ProblemState;
  readonly batchId?: string;
}

/** How many problems one page of the list shows (the API's own limit is 1000). */
export const PROBLEM_LIMIT = 500;
/** While a load is queued or running it is asked again every second. */
const POLL_MS = 1000;

export function isLoadRunning(batch: Pick<LoadBatch, 'state'> | undefined): boolean {
  return batch?.state === 'queued' || batch?.state === 'running';
}

/** After a load ends, everything computed from the resource's data changes. */
function useAfterDataChange() {
  const queryClient = useQueryClient();
  return useCallback(
    (resourceId: string) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.dataQuality(resourceId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dataLoads(resourceId) });
      void queryClient.invalidateQueries({ queryKey: ['data', 'problems', resourceId] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    [queryClient],
  );
}

/** Calls `after` once when what was seen running has ended (a load followed while it runs). */
function useOnEnded(running: boolean | undefined, after: () => void) {
  const seenRunning = useRef(false);
  useEffect(() => {
    if (running === undefined) return;
    if (running) seenRunning.current = true;
    else if (seenRunning.current) {
      seenRunning.current = false;
      after();
    }
  }, [running, after]);
}

/** Quality owner, rules, score with its history, row count and open problems (provider or bureau). */
export function useDataQuality(resourceId: string, enabled = true) {
  return useQuery<QualityView>({
    queryKey: queryKeys.dataQuality(resourceId),
    queryFn: () => api(routes.getQuality, { params: { resourceId } }),
    enabled: enabled && Boolean(resourceId),
  });
}

/** The loads of a resource, newest first; asked every second while one of them runs. */
export function useLoads(resourceId: string, enabled = true) {
  const after = useAfterDataChange();
  const query = useQuery({
    queryKey: queryKeys.dataLoads(resourceId),
    queryFn: () => api(routes.listLoads, { params: { resourceId } }),
    enabled: enabled && Boolean(resourceId),
    refetchInterval: (current) => (current.state.data?.some(isLoadRunning) ? POLL_MS : false),
  });
  // A load (from any channel) seen running, then ended: the numbers and problems are refreshed.
  useOnEnded(
    query.data?.some(isLoadRunning),
    useCallback(() => after(resourceId), [after, resourceId]),
  );
  return query;
}

/** One load and its progress, asked every second until it has ended. */
export function useLoad(id: string | null) {
  const after = useAfterDataChange();
  const query = useQuery({
    queryKey: queryKeys.dataLoad(id ?? ''),
    queryFn: () => api(routes.getLoad, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
    refetchInterval: (current) => (isLoadRunning(current.state.data) ? POLL_MS : false),
  });
  const resourceId = query.data?.resourceId;
  useOnEnded(
    query.data ? isLoadRunning(query.data) : undefined,
    useCallback(() => {
      if (resourceId) after(resourceId);
    }, [after, resourceId]),
  );
  return query;
}

export function useProblems(resourceId: string, filter: ProblemFilter, enabled = true) {
  return useQuery({
    queryKey: queryKeys.dataProblems(resourceId, filter),
    queryFn: () => api(routes.listProblems, { params: { resourceId }, query: { ...filter, limit: PROBLEM_LIMIT } }),
    enabled: enabled && Boolean(resourceId),
    placeholderData: (previous) => previous,
  });
}

/** The open problem rows as a spreadsheet, the data as read with the reasons beside it (R12.2). */
export function problemsDownloadUrl(resourceId: string, batchId?: string | null): string {
  const url = fillPath(routes.downloadProblems.url, { resourceId });
  return batchId ? `${url}?batchId=${encodeURIComponent(batchId)}` : url;
}

export interface UploadInput {
  readonly resourceId: string;
  readonly file: File;
  readonly mode: LoadMode;
  /** Declared encoding of a CSV or JSON Lines file; detected when null. */
  readonly encoding: UploadEncoding | null;
  /** Upload progress, 0–100. */
  readonly onProgress?: (percent: number) => void;
}

/** Sends a file; the answer is the queued load, which useLoad then follows. */
export function useUploadData() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ resourceId, file, mode, encoding, onProgress }: UploadInput) => {
      const query = new URLSearchParams({ mode });
      if (encoding) query.set('encoding', encoding);
      return postFile<LoadBatch>({ url: `${fillPath(routes.uploadData.url, { resourceId })}?${query.toString()}`, file, onProgress });
    },
    onSuccess: (batch) => {
      queryClient.setQueryData(queryKeys.dataLoad(batch.id), batch);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dataLoads(batch.resourceId) });
    },
  });
}

/** A consumer's report of a problem in the data; it joins the provider's queue (R12.2). */
export function useReportProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { resourceId: string; recordKey: string | null; description: string }) =>
      api(routes.reportProblem, {
        params: { resourceId: input.resourceId },
        body: { recordKey: input.recordKey, description: input.description },
      }),
    onSuccess: (problem) => {
      void queryClient.invalidateQueries({ queryKey: ['data', 'problems', problem.resourceId] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dataQuality(problem.resourceId) });
    },
  });
}

/** 标记已修正 and 驳回 by the provider, 确认 by the quality owner or the bureau (R12.2). */
export function useResolveProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; action: ProblemAction; resolution: string }) =>
      api(routes.resolveProblem, { params: { id: input.id, action: input.action }, body: { resolution: input.resolution } }),
    onSuccess: (problem) => {
      void queryClient.invalidateQueries({ queryKey: ['data', 'problems', problem.resourceId] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dataQuality(problem.resourceId) });
    },
  });
}

/** The quality owner, load policy and rules (the provider's data steward or the bureau, R12.1). */
export function useSaveQuality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { resourceId: string; body: QualityInput }) =>
      api(routes.putQuality, { params: { resourceId: input.resourceId }, body: input.body }),
    onSuccess: (view, input) => queryClient.setQueryData(queryKeys.dataQuality(input.resourceId), view),
  });
}
