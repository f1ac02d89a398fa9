/** The addresses of the data pages (notifications link to loadPath and problemsPath). */
import type { ProblemState } from '../../api/data';

export const dataPath = (resourceId: string): string => `/data/${resourceId}`;
export const uploadPath = (resourceId: string): string => `/data/${resourceId}/upload`;
export const qualityPath = (resourceId: string): string => `/data/${resourceId}/quality`;
export const loadPath = (batchId: string): string => `/data/loads/${batchId}`;

/** The problem data of a resource, optionally of one batch or in one state ("all" for every state). */
export function problemsPath(resourceId: string, filter: { batchId?: string | null; state?: ProblemState | 'all' } = {}): string {
  const query = new URLSearchParams();
  if (filter.state) query.set('state', filter.state);
  if (filter.batchId) query.set('batchId', filter.batchId);
  const qs = query.toString();
  return `/data/${resourceId}/problems${qs ? `?${qs}` : ''}`;
}
