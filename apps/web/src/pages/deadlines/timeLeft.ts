/** How a step's time left reads and how urgent it looks. */
import type { PendingItem } from '@gongshu/contracts';
import type { MessageKey } from '../../i18n/zh';

/** overdue: red; urgent (due today or with one working day left): orange; normal otherwise. */
export type TimeLeftTone = 'overdue' | 'urgent' | 'normal';

export interface TimeLeftText {
  readonly key: MessageKey;
  readonly count: number;
  readonly tone: TimeLeftTone;
}

/**
 * "剩余 N 个工作日", "今日到期" or "已超期 N 个工作日". Overdue is decided by the `overdue` flag, not
 * by the sign of `workingDaysLeft`: on the non-working days straight after the due day the count is
 * still 0 (see domain `workingDaysLeft`).
 */
export function timeLeftOf(item: Pick<PendingItem, 'overdue' | 'workingDaysLeft'>): TimeLeftText {
  const days = item.workingDaysLeft;
  if (item.overdue) {
    if (days >= 0) return { key: 'deadline.left.overdue', count: 0, tone: 'overdue' };
    return { key: days === -1 ? 'deadline.left.overdueOneDay' : 'deadline.left.overdueDays', count: -days, tone: 'overdue' };
  }
  if (days <= 0) return { key: 'deadline.left.today', count: 0, tone: 'urgent' };
  if (days === 1) return { key: 'deadline.left.oneDay', count: 1, tone: 'urgent' };
  return { key: 'deadline.left.days', count: days, tone: 'normal' };
}
