import { describe, expect, it } from 'vitest';
import { evaluateUsage, isOffHour, median, type AlertThresholds, type SubjectUsage } from './access-rules.js';

const T: AlertThresholds = {
  factor: 5,
  floor: 1000,
  firstUseFloor: 10_000,
  offHours: { start: 22, end: 6 },
  offHoursFloor: 1000,
  baselineDays: 14,
};
const days = (n: number) => Array.from({ length: 14 }, () => n);
const usage = (o: Partial<SubjectUsage>): SubjectUsage => ({
  hour: 0,
  day: 0,
  daily: days(300),
  peakHour: days(100),
  sameHour: days(0),
  hasHistory: true,
  ...o,
});

describe('unusual-access rules (R29.1)', () => {
  it('takes the median, zeros included', () => {
    expect(median([])).toBe(0);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([0, 0, 10, 20])).toBe(5);
  });

  it('raises an hour spike above factor × the usual busiest hour and at least the floor, not a day spike as well', () => {
    expect(evaluateUsage(usage({ hour: 1200, day: 1500 }), 10, T)).toEqual([
      { kind: 'spike', window: 'hour', observed: 1200, baseline: 100, floor: 1000 },
    ]);
  });

  it('raises nothing below the floor, however far above the baseline', () => {
    expect(evaluateUsage(usage({ hour: 900, day: 999, daily: days(1), peakHour: days(1) }), 10, T)).toEqual([]);
  });

  it('raises a day spike when no single hour is unusual', () => {
    expect(evaluateUsage(usage({ hour: 400, day: 2000 }), 15, T)).toEqual([
      { kind: 'spike', window: 'day', observed: 2000, baseline: 300, floor: 1000 },
    ]);
  });

  it('raises heavy first use only with no history and above the higher floor', () => {
    expect(evaluateUsage(usage({ hour: 9000, day: 9000, hasHistory: false, daily: days(0), peakHour: days(0) }), 10, T)).toEqual([]);
    expect(evaluateUsage(usage({ hour: 0, day: 10_000, hasHistory: false, daily: days(0), peakHour: days(0) }), 10, T)).toEqual([
      { kind: 'first_heavy', window: 'day', observed: 10_000, baseline: null, floor: 10_000 },
    ]);
  });

  it('raises bulk access at night unless the subject usually works at that hour', () => {
    const night = usage({ hour: 1500, day: 1500, daily: days(2000), peakHour: days(1500) });
    expect(evaluateUsage(night, 2, T)).toEqual([{ kind: 'off_hours', window: 'hour', observed: 1500, baseline: 0, floor: 1000 }]);
    expect(evaluateUsage({ ...night, sameHour: days(1500) }, 2, T)).toEqual([]);
    expect(evaluateUsage(night, 9, T)).toEqual([]);
    expect(evaluateUsage(night, 2, { ...T, offHours: null })).toEqual([]);
  });

  it('counts every hour of a weekend or holiday as off hours (R37.1 calendar), with the same usual-hour exception', () => {
    const daytime = usage({ hour: 1500, day: 1500, daily: days(2000), peakHour: days(1500) });
    expect(evaluateUsage(daytime, 10, T, true)).toEqual([]);
    expect(evaluateUsage(daytime, 10, T, false)).toEqual([{ kind: 'off_hours', window: 'hour', observed: 1500, baseline: 0, floor: 1000 }]);
    expect(evaluateUsage({ ...daytime, sameHour: days(1500) }, 10, T, false)).toEqual([]);
    expect(evaluateUsage(daytime, 10, { ...T, offHours: null }, false)).toEqual([]);
  });

  it('knows the night across midnight and within a day', () => {
    expect([21, 22, 23, 0, 5, 6].map((hour) => isOffHour(hour, { start: 22, end: 6 }))).toEqual([false, true, true, true, true, false]);
    expect([0, 1, 3, 4].map((hour) => isOffHour(hour, { start: 1, end: 4 }))).toEqual([false, true, true, false]);
  });
});
