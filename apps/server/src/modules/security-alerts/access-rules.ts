/**
 * When access is unusual (R29.1, issue 8 item 4), pure: a subject's (API key, user, grant) records
 * delivered this clock hour and this China day against its own baseline over the days before.
 */

export interface AlertThresholds {
  /** Observed above factor × baseline is a spike. */
  readonly factor: number;
  /** ... and only when at least this many records (small numbers are never alarming). */
  readonly floor: number;
  /** Records in a day with no history at all that are heavy use at first sight. */
  readonly firstUseFloor: number;
  /** China clock hours [start, end) of the night, wrapping midnight; null: no off-hours rule. */
  readonly offHours: { readonly start: number; readonly end: number } | null;
  /** Records in one night hour that are bulk access. */
  readonly offHoursFloor: number;
  /** Days before today that make the baseline. */
  readonly baselineDays: number;
}

/** A subject's records: today so far, and per baseline day (oldest first, zeros included). */
export interface SubjectUsage {
  readonly hour: number;
  readonly day: number;
  /** Records per baseline day. */
  readonly daily: readonly number[];
  /** The busiest clock hour of each baseline day. */
  readonly peakHour: readonly number[];
  /** The same clock hour as now, on each baseline day. */
  readonly sameHour: readonly number[];
  /** Whether the subject received anything in the baseline days. */
  readonly hasHistory: boolean;
}

export type AlertKind = 'spike' | 'first_heavy' | 'off_hours';

export interface Finding {
  readonly kind: AlertKind;
  readonly window: 'hour' | 'day';
  readonly observed: number;
  readonly baseline: number | null;
  readonly floor: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function isOffHour(chinaHour: number, offHours: AlertThresholds['offHours']): boolean {
  if (!offHours) return false;
  const { start, end } = offHours;
  return start <= end ? chinaHour >= start && chinaHour < end : chinaHour >= start || chinaHour < end;
}

/**
 * The findings for one subject now:
 * - spike: this hour above factor × the median busiest hour of the baseline days, or today above
 *   factor × the median day (not both: an hour spike already says it), at least `floor` records;
 * - first_heavy: no history at all and today at least `firstUseFloor` records;
 * - off_hours: a night hour, or any hour of a day that is not a working day (weekends and statutory
 *   holidays of the official calendar, R37.1), with at least `offHoursFloor` records, above
 *   factor × the median of the same hour on the baseline days (a job that always runs is not unusual).
 */
export function evaluateUsage(u: SubjectUsage, chinaHour: number, t: AlertThresholds, workingDay = true): Finding[] {
  const found: Finding[] = [];
  if (!u.hasHistory) {
    if (u.day >= t.firstUseFloor)
      found.push({ kind: 'first_heavy', window: 'day', observed: u.day, baseline: null, floor: t.firstUseFloor });
  } else {
    const hourBaseline = median(u.peakHour);
    const dayBaseline = median(u.daily);
    if (u.hour >= t.floor && u.hour > t.factor * hourBaseline) {
      found.push({ kind: 'spike', window: 'hour', observed: u.hour, baseline: hourBaseline, floor: t.floor });
    } else if (u.day >= t.floor && u.day > t.factor * dayBaseline) {
      found.push({ kind: 'spike', window: 'day', observed: u.day, baseline: dayBaseline, floor: t.floor });
    }
  }
  if (t.offHours && (!workingDay || isOffHour(chinaHour, t.offHours)) && u.hour >= t.offHoursFloor) {
    const usual = median(u.sameHour);
    if (u.hour > t.factor * usual)
      found.push({ kind: 'off_hours', window: 'hour', observed: u.hour, baseline: usual, floor: t.offHoursFloor });
  }
  return found;
}
