/** The problem list's filters, kept in the address so a notification or a load can link to them. */
import type { ProblemFilter, ProblemState } from '../../../api/data';

export type StateFilter = ProblemState | 'all';

export const STATE_FILTERS: readonly StateFilter[] = ['open', 'fixed', 'confirmed', 'dismissed', 'all'];

export interface ProblemParams {
  readonly state: StateFilter;
  readonly batchId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Open problems by default; an unknown state or a malformed batch id is ignored. */
export function readProblemParams(params: URLSearchParams): ProblemParams {
  const state = params.get('state');
  const batchId = params.get('batchId');
  return {
    state: STATE_FILTERS.includes(state as StateFilter) ? (state as StateFilter) : 'open',
    batchId: batchId && UUID.test(batchId) ? batchId : null,
  };
}

export function writeProblemParams(next: ProblemParams): URLSearchParams {
  const params = new URLSearchParams();
  if (next.state !== 'open') params.set('state', next.state);
  if (next.batchId) params.set('batchId', next.batchId);
  return params;
}

export function filterOf(params: ProblemParams): ProblemFilter {
  return {
    ...(params.state === 'all' ? {} : { state: params.state }),
    ...(params.batchId ? { batchId: params.batchId } : {}),
  };
}
