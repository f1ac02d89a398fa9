import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';

describe('unusual-access thresholds in configuration', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({}).accessAlerts).toEqual({
      sweepMinutes: 10,
      factor: 5,
      floor: 1000,
      firstUseFloor: 10_000,
      offHours: { start: 22, end: 6 },
      offHoursFloor: 1000,
      baselineDays: 14,
    });
  });

  it('reads each variable, and off hours as from-to or off', () => {
    const c = loadConfig({
      GONGSHU_ALERT_SWEEP_MINUTES: '0',
      GONGSHU_ALERT_FACTOR: '3',
      GONGSHU_ALERT_FLOOR: '500',
      GONGSHU_ALERT_FIRST_USE_FLOOR: '2000',
      GONGSHU_ALERT_OFF_HOURS: '1-5',
      GONGSHU_ALERT_OFF_HOURS_FLOOR: '100',
      GONGSHU_ALERT_BASELINE_DAYS: '7',
    }).accessAlerts;
    expect(c).toEqual({
      sweepMinutes: 0,
      factor: 3,
      floor: 500,
      firstUseFloor: 2000,
      offHours: { start: 1, end: 5 },
      offHoursFloor: 100,
      baselineDays: 7,
    });
    expect(loadConfig({ GONGSHU_ALERT_OFF_HOURS: 'off' }).accessAlerts.offHours).toBeNull();
  });

  it('names the variable on bad input', () => {
    expect(() => loadConfig({ GONGSHU_ALERT_OFF_HOURS: '22' })).toThrow(/GONGSHU_ALERT_OFF_HOURS/);
    expect(() => loadConfig({ GONGSHU_ALERT_OFF_HOURS: '25-6' })).toThrow(/GONGSHU_ALERT_OFF_HOURS/);
    expect(() => loadConfig({ GONGSHU_ALERT_FACTOR: '1' })).toThrow(/GONGSHU_ALERT_FACTOR/);
    expect(() => loadConfig({ GONGSHU_ALERT_BASELINE_DAYS: '2' })).toThrow(/GONGSHU_ALERT_BASELINE_DAYS/);
  });
});
