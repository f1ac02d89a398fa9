import { sql } from 'kysely';
import type { Executor } from './executor.js';

/**
 * The platform's numbers of requests, grants, applications and objections: a two-letter prefix,
 * the year and six digits of a sequence shared by all years, so a number never repeats
 * (GX2026000123).
 */
export async function nextYearNumber(db: Executor, sequence: string, prefix: string, year: string): Promise<string> {
  const { rows } = await sql<{ n: number }>`select nextval(${sequence}::regclass) as n`.execute(db);
  return `${prefix}${year}${String(rows[0]?.n ?? 0).padStart(6, '0')}`;
}
