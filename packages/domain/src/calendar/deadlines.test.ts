import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { computeDueAt, workingDaysLeft } from './deadlines.js';
import { buildCalendar, type HolidayCalendar, type WorkingCalendar } from './holiday-calendar.js';
import { shanghaiDateOf, shanghaiEndOfDay, shanghaiStartOfDay } from './shanghai-time.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';

const years = (
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../../../shared/conformance/holidays-cn.json', import.meta.url)), 'utf8')) as {
    years: HolidayCalendar;
  }
).years;
const built = buildCalendar(years);
if (!built.ok) throw new Error(built.refusal.message.en);
const calendar: WorkingCalendar = built.value;

/** An instant given in China time. */
const china = (local: string): Date => new Date(`${local}+08:00`);

function due(start: Date, n: number, options: Parameters<typeof computeDueAt>[3] = {}) {
  const answer = computeDueAt(start, n, calendar, options);
  if (!answer.ok) throw new Error(answer.refusal.message.en);
  return answer.value;
}

describe('Asia/Shanghai helpers', () => {
  it('places instants near midnight UTC on the China date', () => {
    expect(shanghaiDateOf(new Date('2025-01-24T16:30:00Z'))).toBe('2025-01-25'); // 00:30 Saturday in China
    expect(shanghaiDateOf(new Date('2025-01-24T15:59:59.999Z'))).toBe('2025-01-24'); // 23:59:59.999 Friday
    expect(shanghaiDateOf(new Date('2025-01-24T16:00:00Z'))).toBe('2025-01-25'); // midnight
    expect(shanghaiDateOf(new Date('2025-01-24T00:00:00Z'))).toBe('2025-01-24');
    expect(shanghaiDateOf(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(shanghaiDateOf(new Date('1969-12-31T16:00:00Z'))).toBe('1970-01-01');
    expect(shanghaiDateOf(new Date('1969-12-31T15:59:59.999Z'))).toBe('1969-12-31');
  });

  it('gives the start and end of a China day as instants', () => {
    expect(shanghaiStartOfDay('2025-01-26').toISOString()).toBe('2025-01-25T16:00:00.000Z');
    expect(shanghaiEndOfDay('2025-01-26').toISOString()).toBe('2025-01-26T15:59:59.999Z');
    expect(shanghaiEndOfDay('2024-02-29').toISOString()).toBe('2024-02-29T15:59:59.999Z');
  });

  it('round-trips (property)', () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, (t) => {
        const date = shanghaiDateOf(t);
        return (
          shanghaiStartOfDay(date).getTime() <= t.getTime() &&
          t.getTime() <= shanghaiEndOfDay(date).getTime() &&
          shanghaiEndOfDay(date).getTime() - shanghaiStartOfDay(date).getTime() === 86_399_999
        );
      }),
    );
  });

  it('throws a DomainError for invalid input', () => {
    expect(() => shanghaiDateOf(new Date(Number.NaN))).toThrow(DomainError);
    expect(() => shanghaiEndOfDay('2025-02-29')).toThrow(DomainError);
    expect(() => shanghaiStartOfDay('tomorrow')).toThrow(DomainError);
  });
});

describe('computeDueAt: the deadline rule (R14, R15, R19)', () => {
  it('filed Friday 2025-01-24 10:00, 1 working day: due end of Sunday 2025-01-26 (make-up day)', () => {
    const answer = due(china('2025-01-24T10:00:00'), 1);
    expect(answer).toEqual({
      receivedOn: '2025-01-24',
      dueOn: '2025-01-26',
      dueAt: new Date('2025-01-26T23:59:59.999+08:00'),
      provisional: false,
    });
    expect(answer.dueAt.toISOString()).toBe('2025-01-26T15:59:59.999Z');
  });

  it('filed Friday 2025-01-24 18:00: received Sunday 2025-01-26, due Monday 2025-01-27', () => {
    expect(due(china('2025-01-24T18:00:00'), 1)).toMatchObject({ receivedOn: '2025-01-26', dueOn: '2025-01-27' });
  });

  it('filed on Saturday 2025-01-25: received 2025-01-26', () => {
    expect(due(china('2025-01-25T10:00:00'), 1)).toMatchObject({ receivedOn: '2025-01-26', dueOn: '2025-01-27' });
    // 00:30 Saturday in China is still Friday in UTC.
    expect(due(new Date('2025-01-24T16:30:00Z'), 1)).toMatchObject({ receivedOn: '2025-01-26', dueOn: '2025-01-27' });
  });

  it('the 17:00 cut-off: 16:59 counts that day, 17:00 exactly does not', () => {
    expect(due(china('2025-01-24T16:59:00'), 1)).toMatchObject({ receivedOn: '2025-01-24', dueOn: '2025-01-26' });
    expect(due(china('2025-01-24T16:59:59.999'), 1)).toMatchObject({ receivedOn: '2025-01-24' });
    expect(due(china('2025-01-24T17:00:00'), 1)).toMatchObject({ receivedOn: '2025-01-26', dueOn: '2025-01-27' });
    expect(due(china('2025-01-24T00:00:00'), 1)).toMatchObject({ receivedOn: '2025-01-24' });
    expect(due(china('2025-01-24T23:59:59.999'), 1)).toMatchObject({ receivedOn: '2025-01-26' });
  });

  it('takes the cut-off as a parameter', () => {
    expect(due(china('2025-01-24T17:30:00'), 1, { officeHoursEnd: '18:00' })).toMatchObject({ receivedOn: '2025-01-24' });
    expect(due(china('2025-01-24T08:30:00'), 1, { officeHoursEnd: '08:30' })).toMatchObject({ receivedOn: '2025-01-26' });
    expect(due(china('2025-01-24T23:59:00'), 1, { officeHoursEnd: '24:00' })).toMatchObject({ receivedOn: '2025-01-24' });
    for (const officeHoursEnd of ['25:00', '17:60', '5pm', '24:01', '9:00']) {
      expect(computeDueAt(china('2025-01-24T10:00:00'), 1, calendar, { officeHoursEnd })).toMatchObject({
        ok: false,
        refusal: { code: 'VALIDATION_FAILED', field: 'officeHoursEnd' },
      });
    }
  });

  it('a filing during a holiday is received on the first day back', () => {
    // R14.3: bureau formal review within 5 working days of a demand request filed on 2025-10-03.
    expect(due(china('2025-10-03T09:00:00'), 5)).toMatchObject({ receivedOn: '2025-10-09', dueOn: '2025-10-15' });
    // R19.3: provider answer within 15 working days, filed Friday 2026-02-13 at 15:00.
    // Working days after 02-13: 02-14 (make-up), 02-24..02-27, 02-28 (make-up), 03-02..03-06, 03-09..03-12.
    expect(due(china('2026-02-13T15:00:00'), 15)).toMatchObject({ receivedOn: '2026-02-13', dueOn: '2026-03-12' });
  });

  it('N = 0 is due at the end of the received day', () => {
    expect(due(china('2025-01-25T10:00:00'), 0)).toMatchObject({ receivedOn: '2025-01-26', dueOn: '2025-01-26' });
  });

  it('refuses an invalid start or count', () => {
    expect(computeDueAt(new Date(Number.NaN), 1, calendar)).toMatchObject({ ok: false, refusal: { field: 'start' } });
    expect(computeDueAt(china('2025-01-24T10:00:00'), -1, calendar)).toMatchObject({
      ok: false,
      refusal: { field: 'workingDays' },
    });
  });

  it('due day and received day agree with the working-day functions (property)', () => {
    const instant = fc.integer({ min: Date.UTC(2024, 11, 31, 16), max: Date.UTC(2026, 8, 30, 16) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const answer = due(start, n);
        const filedOn = shanghaiDateOf(start);
        const received = isWorkingDay(answer.receivedOn, calendar);
        const counted = workingDaysBetween(answer.receivedOn, answer.dueOn, calendar);
        const lag = workingDaysBetween(filedOn, answer.receivedOn, calendar);
        return (
          received.ok &&
          received.value.workingDay &&
          counted.ok &&
          counted.value.days === n &&
          lag.ok &&
          (lag.value.days === 0 || lag.value.days === 1) &&
          answer.dueAt.getTime() === shanghaiEndOfDay(answer.dueOn).getTime() &&
          answer.dueAt.getTime() > start.getTime()
        );
      }),
    );
  });
});

describe('workingDaysLeft', () => {
  const left = (now: Date, dueOn: string) => {
    const answer = workingDaysLeft(now, dueOn, calendar);
    if (!answer.ok) throw new Error(answer.refusal.message.en);
    return answer.value;
  };
  it('counts the whole working days after today; 0 on the due day', () => {
    expect(left(china('2025-01-24T10:00:00'), '2025-01-27')).toEqual({ days: 2, overdue: false, provisional: false });
    expect(left(china('2025-01-25T10:00:00'), '2025-01-27')).toEqual({ days: 2, overdue: false, provisional: false });
    expect(left(china('2025-01-26T10:00:00'), '2025-01-27')).toEqual({ days: 1, overdue: false, provisional: false });
    expect(left(china('2025-01-27T23:59:59'), '2025-01-27')).toEqual({ days: 0, overdue: false, provisional: false });
  });
  it('is negative once working days have passed, and overdue from the day after', () => {
    expect(left(china('2025-01-28T00:00:00'), '2025-01-27')).toEqual({ days: 0, overdue: true, provisional: false });
    expect(left(china('2025-02-05T09:00:00'), '2025-01-27')).toEqual({ days: -1, overdue: true, provisional: false });
    expect(left(china('2025-02-08T09:00:00'), '2025-01-27')).toEqual({ days: -4, overdue: true, provisional: false });
  });
  it('uses the China date of now, whatever the UTC date', () => {
    // 2025-01-26T16:30Z is 00:30 on Monday 2025-01-27 in China: the due day.
    expect(left(new Date('2025-01-26T16:30:00Z'), '2025-01-27')).toMatchObject({ days: 0, overdue: false });
  });
  it('refuses invalid input', () => {
    expect(workingDaysLeft(new Date(Number.NaN), '2025-01-27', calendar)).toMatchObject({ ok: false, refusal: { field: 'now' } });
    expect(workingDaysLeft(new Date(), '2025-1-27', calendar)).toMatchObject({ ok: false, refusal: { field: 'dueOn' } });
  });
});

describe('independence from the process time zone', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  /** A battery of answers that must not change with the process time zone. */
  function battery(): unknown[] {
    return [
      shanghaiDateOf(new Date('2025-01-24T16:30:00Z')),
      shanghaiDateOf(new Date('2025-01-24T15:30:00Z')),
      shanghaiDateOf(new Date('2026-03-08T23:30:00Z')),
      shanghaiStartOfDay('2025-03-09').toISOString(),
      shanghaiEndOfDay('2025-11-02').toISOString(),
      addWorkingDays('2025-01-24', 1, calendar),
      addWorkingDays('2025-09-30', 4, calendar),
      workingDaysBetween('2025-03-01', '2025-11-30', calendar),
      computeDueAt(new Date('2025-01-24T16:30:00Z'), 1, calendar),
      computeDueAt(new Date('2025-01-24T08:59:00Z'), 1, calendar),
      computeDueAt(new Date('2025-01-24T09:00:00Z'), 1, calendar),
      workingDaysLeft(new Date('2025-01-26T16:30:00Z'), '2025-01-27', calendar),
    ];
  }

  it('gives the same answers in every time zone', () => {
    process.env.TZ = 'UTC';
    const reference = battery();
    expect(reference.slice(0, 5)).toEqual([
      '2025-01-25',
      '2025-01-24',
      '2026-03-09',
      '2025-03-08T16:00:00.000Z',
      '2025-11-02T15:59:59.999Z',
    ]);
    for (const zone of [
      'America/Los_Angeles',
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Shanghai',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
    ]) {
      process.env.TZ = zone;
      // The zone really changed (the local offset of a fixed instant differs from UTC's 0 except in UTC).
      expect(new Date('2025-01-01T00:00:00Z').getTimezoneOffset(), zone).not.toBe(0);
      expect(battery(), zone).toEqual(reference);
    }
  });
});
