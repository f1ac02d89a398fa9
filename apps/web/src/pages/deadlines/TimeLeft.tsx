import type { PendingItem } from '@gongshu/contracts';
import { useT } from '../../i18n/useT';
import { COLORS } from '../../theme';
import { timeLeftOf, type TimeLeftTone } from './timeLeft';

const TONE_STYLE: Record<TimeLeftTone, { color?: string; fontWeight?: number }> = {
  overdue: { color: COLORS.error, fontWeight: 600 },
  urgent: { color: COLORS.warning, fontWeight: 600 },
  normal: {},
};

/** The working days left of a step, red when overdue and orange when at most one day is left. */
export function TimeLeft({ item }: { readonly item: Pick<PendingItem, 'overdue' | 'workingDaysLeft'> }) {
  const t = useT();
  const text = timeLeftOf(item);
  return (
    <span style={{ whiteSpace: 'nowrap', ...TONE_STYLE[text.tone] }} data-testid="time-left" data-tone={text.tone}>
      {t(text.key, { count: text.count })}
    </span>
  );
}
