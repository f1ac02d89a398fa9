/**
 * The life of one deadline step (decision 4): open → met | overdue | cancelled, and overdue →
 * met (late) | cancelled. Pure transitions; the sweeper and the workflows apply them.
 */
import { refuse, type Result } from '../errors.js';

export const DEADLINE_STATES = ['open', 'met', 'overdue', 'cancelled'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export interface DeadlineFacts {
  readonly state: DeadlineState;
  readonly dueAt: Date;
}

export type DeadlineEvent =
  | { readonly type: 'met'; readonly at: Date }
  | { readonly type: 'overdue'; readonly at: Date }
  | { readonly type: 'cancel'; readonly at: Date };

export interface DeadlineChange {
  readonly state: DeadlineState;
  /** For `met`: whether it was met after its due time. */
  readonly late: boolean;
}

function refused(from: DeadlineState, event: DeadlineEvent['type']): Result<DeadlineChange> {
  return {
    ok: false,
    refusal: refuse('DEADLINE_TRANSITION_INVALID', {
      details: { from, event },
      message: { zh: `办理时限处于“${from}”状态，不能执行“${event}”`, en: `A deadline that is ${from} cannot be ${event}` },
    }),
  };
}

/** Applies an event to a deadline, or refuses it. */
export function applyDeadlineEvent(deadline: DeadlineFacts, event: DeadlineEvent): Result<DeadlineChange> {
  const active = deadline.state === 'open' || deadline.state === 'overdue';
  switch (event.type) {
    case 'met':
      return active ? { ok: true, value: { state: 'met', late: event.at > deadline.dueAt } } : refused(deadline.state, event.type);
    case 'overdue':
      return deadline.state === 'open' && event.at > deadline.dueAt
        ? { ok: true, value: { state: 'overdue', late: true } }
        : refused(deadline.state, event.type);
    case 'cancel':
      return active ? { ok: true, value: { state: 'cancelled', late: false } } : refused(deadline.state, event.type);
  }
}

/** On-time rate of finished and overdue steps: met on time / (met + still overdue), or null with none. */
export function onTimeRate(counts: { readonly metOnTime: number; readonly metLate: number; readonly overdue: number }): number | null {
  const total = counts.metOnTime + counts.metLate + counts.overdue;
  return total === 0 ? null : counts.metOnTime / total;
}
