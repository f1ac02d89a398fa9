/**
 * Quality and timeliness (R11.1, R12.1): completeness, validity, uniqueness and timeliness of a
 * resource's data, and whether it is older than its update frequency allows.
 */
import type { FieldSpec, UpdateFrequency } from '@gongshu/domain';
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { qualified } from './data-tables.js';
import { blindIndexColumn, refuseOnEncrypted, type EncryptedColumn } from '../encryption/encryption-layout.js';

/** The age (days) data may reach before it is overdue; irregular data is never overdue. */
export const ALLOWED_AGE_DAYS: Record<UpdateFrequency, number | null> = {
  realtime: 1,
  daily: 2,
  weekly: 8,
  monthly: 32,
  quarterly: 93,
  half_yearly: 184,
  yearly: 367,
  irregular: null,
};

/** 1 within the allowed age, falling linearly to 0 at twice the allowed age. */
export function timelinessOf(ageDays: number | null, frequency: UpdateFrequency): { timeliness: number; overdue: boolean } {
  const allowed = ALLOWED_AGE_DAYS[frequency];
  if (allowed === null) return { timeliness: 1, overdue: false };
  if (ageDays === null) return { timeliness: 0, overdue: true };
  if (ageDays <= allowed) return { timeliness: 1, overdue: false };
  return { timeliness: Math.max(0, 1 - (ageDays - allowed) / allowed), overdue: true };
}

export function overallScore(parts: { completeness: number; validity: number; uniqueness: number; timeliness: number }): number {
  return Math.round(100 * (0.3 * parts.completeness + 0.3 * parts.validity + 0.2 * parts.uniqueness + 0.2 * parts.timeliness) * 10) / 10;
}

/**
 * The moment the data is as of: the newest value of the freshness date column when the resource
 * names one (R12.1 freshness rule), else the last load.
 */
async function dataAsOf(trx: Executor, table: string, freshnessColumn: string | null, lastLoadedAt: Date | null): Promise<Date | null> {
  if (!freshnessColumn) return lastLoadedAt;
  const row = await sql<{
    newest: string | Date | null;
  }>`select max(${sql.id(freshnessColumn)})::timestamptz as newest from ${qualified(table)}`.execute(trx);
  const newest = row.rows[0]?.newest ?? null;
  return newest === null ? null : new Date(newest);
}

export async function computeQualityScore(
  trx: Executor,
  input: {
    resourceId: string;
    table: string;
    identifierColumn: string | null;
    fields: readonly FieldSpec[];
    updateFrequency: UpdateFrequency;
    batchId: string | null;
    validity: number;
    now: Date;
    lastLoadedAt?: Date | null;
    freshnessColumn?: string | null;
    /** The table's encryption layout (R29.1): uniqueness of an encrypted identifier is counted on its blind index. */
    layout?: readonly EncryptedColumn[];
  },
) {
  const table = qualified(input.table);
  const layout = input.layout ?? [];
  const encryptedId = layout.find((c) => c.code === input.identifierColumn);
  if (encryptedId && !encryptedId.blindIndex && input.identifierColumn) {
    refuseOnEncrypted(input.identifierColumn, { zh: '统计唯一性', en: 'counting distinct values' });
  }
  if (input.freshnessColumn && layout.some((c) => c.code === input.freshnessColumn)) {
    refuseOnEncrypted(input.freshnessColumn, { zh: '作为时效日期取最大值', en: 'taking the newest date of it (freshness rule)' });
  }
  const filled = sql.join(
    input.fields.map((f) => sql`count(${sql.id(f.code)})`),
    sql` + `,
  );
  // Ciphertexts of equal values differ: distinct identifiers are counted on the blind index (R29.1).
  const id = input.identifierColumn ? sql.id(encryptedId ? blindIndexColumn(input.identifierColumn) : input.identifierColumn) : null;
  const stats = await sql<{ rows: number; filled: number; ids: number; distinct_ids: number }>`
    select count(*)::bigint as rows, (${filled})::bigint as filled,
      ${id ? sql`count(${id})::bigint` : sql`0::bigint`} as ids,
      ${id ? sql`count(distinct ${id})::bigint` : sql`0::bigint`} as distinct_ids
    from ${table}`.execute(trx);
  const s = stats.rows[0] ?? { rows: 0, filled: 0, ids: 0, distinct_ids: 0 };
  const completeness = s.rows === 0 ? 0 : s.filled / (s.rows * input.fields.length);
  const uniqueness = id ? (s.ids === 0 ? 1 : s.distinct_ids / s.ids) : 1;
  const asOf = await dataAsOf(
    trx,
    input.table,
    input.freshnessColumn ?? null,
    input.lastLoadedAt === undefined ? input.now : input.lastLoadedAt,
  );
  const age = asOf ? (input.now.getTime() - asOf.getTime()) / 86_400_000 : null;
  const { timeliness, overdue } = timelinessOf(age, input.updateFrequency);
  const parts = { completeness, validity: input.validity, uniqueness, timeliness };
  return trx
    .insertInto('quality_scores')
    .values({
      resource_id: input.resourceId,
      batch_id: input.batchId,
      computed_at: input.now,
      ...parts,
      score: overallScore(parts),
      overdue,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
