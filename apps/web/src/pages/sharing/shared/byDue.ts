/** Sorting and filtering of lists on the clock. */
import type { PendingItem } from '@gongshu/contracts';

/** The most urgent first (earliest due time); items without a step on the clock last. */
export function byDue(a: { readonly deadline: PendingItem | null }, b: { readonly deadline: PendingItem | null }): number {
  if (!a.deadline || !b.deadline) return a.deadline ? -1 : b.deadline ? 1 : 0;
  return a.deadline.dueAt.localeCompare(b.deadline.dueAt);
}
