/**
 * Cross-check of the shipped calendar against the independent `chinese-days` package, day by day
 * over 2025 and 2026 (its data ends in 2026, and it treats unknown years as Monday–Friday, so it
 * is only used here, never at run time — STACK-NOTES).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { buildCalendar, type HolidayCalendar } from './holiday-calendar.js';
import { isWorkingDay } from './working-days.js';

const shipped = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../../apps/server/reference-data/holidays-cn.json', import.meta.url)), 'utf8'),
) as {
  years: HolidayCalendar;
};

describe('the shipped holiday calendar agrees with chinese-days', () => {
  const built = buildCalendar(shipped.years);
  if (!built.ok) throw new Error('shipped calendar is invalid');
  for (const year of [2025, 2026]) {
    it(`on every day of ${year}`, () => {
      const disagreements: string[] = [];
      for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) {
        const date = day.toISOString().slice(0, 10);
        const ours = isWorkingDay(date, built.value);
        if (!ours.ok || ours.value.workingDay !== chineseDays.isWorkday(date)) disagreements.push(date);
      }
      expect(disagreements).toEqual([]);
    });
  }
});
