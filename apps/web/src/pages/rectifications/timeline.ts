/**
 * The history of a rectification order (R35.1) as the order's fields tell it. An order keeps its
 * latest report and latest review comment: a returned order (round > 1) shows the report that was
 * returned and the return's comment, the new term starting when the return was made.
 */
import type { Rectification } from '@gongshu/contracts';

export type TimelineEvent =
  | { readonly kind: 'issued'; readonly at: string }
  | { readonly kind: 'returnedEarlier'; readonly count: number }
  | { readonly kind: 'reported'; readonly at: string | null; readonly report: string | null }
  | { readonly kind: 'returned'; readonly at: string | null; readonly comment: string | null; readonly round: number }
  | { readonly kind: 'closed'; readonly at: string | null; readonly comment: string | null }
  | { readonly kind: 'awaitReport'; readonly dueOn: string | null; readonly overdue: boolean }
  | { readonly kind: 'awaitReview' };

export function timelineOf(order: Rectification): TimelineEvent[] {
  const events: TimelineEvent[] = [{ kind: 'issued', at: order.issuedAt }];
  const returns = order.round - 1;
  switch (order.state) {
    case 'open':
      if (returns > 1) events.push({ kind: 'returnedEarlier', count: returns - 1 });
      if (returns > 0) {
        if (order.reportedAt) events.push({ kind: 'reported', at: order.reportedAt, report: order.report });
        events.push({ kind: 'returned', at: order.deadline?.startedAt ?? null, comment: order.reviewComment, round: order.round });
      }
      events.push({ kind: 'awaitReport', dueOn: order.deadline?.dueOn ?? null, overdue: order.deadline?.overdue ?? false });
      break;
    case 'reported':
    case 'closed':
      if (returns > 0) events.push({ kind: 'returnedEarlier', count: returns });
      events.push({ kind: 'reported', at: order.reportedAt, report: order.report });
      events.push(
        order.state === 'closed' ? { kind: 'closed', at: order.closedAt, comment: order.reviewComment } : { kind: 'awaitReview' },
      );
      break;
  }
  return events;
}
