import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { AUDIT_GRANT_REF, AUDIT_RESOURCE_REF } from '../../db/migrations/20261127T0920_access_alerts.js';
import type { AuditRow } from '../../db/schema.js';

/** Any constant: the advisory lock that serialises appends to the chain. */
export const CHAIN_LOCK_KEY = 7_426_001;

/**
 * Takes the chain lock for the session and reads the head, in one round trip (a simple-protocol
 * query of two statements; the second sees every append committed before the lock was granted).
 * For a writer that keeps the lock across a few batches (the exit's group commit on PostgreSQL):
 * while it holds it, nobody else appends, so it knows the head without reading it again.
 */
export const LOCK_CHAIN_SESSION_SQL = `select pg_advisory_lock(${CHAIN_LOCK_KEY}); select hash from audit_log order by seq desc limit 1`;
export const UNLOCK_CHAIN_SESSION_SQL = `select pg_advisory_unlock(${CHAIN_LOCK_KEY})`;

export interface NewAuditRow {
  at: Date;
  actor_user_id: string | null;
  actor_label: string;
  actor_agency_id: string | null;
  via: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  hash_alg: string;
  prev_hash: string;
  hash: string;
}

/** Takes the chain lock for the rest of the transaction and returns the last hash (or null). */
export async function lockChainHead(trx: Executor): Promise<string | null> {
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`.execute(trx);
  const head = await trx.selectFrom('audit_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return head?.hash ?? null;
}

export async function insertAuditRow(trx: Executor, row: NewAuditRow): Promise<number> {
  const inserted = await trx
    .insertInto('audit_log')
    .values({ ...row, details: JSON.stringify(row.details) })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return inserted.seq;
}

/** Appends several entries in one statement; the seqs come back in the order of `rows` (the chain order). */
export async function insertAuditRows(trx: Executor, rows: readonly NewAuditRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await trx
    .insertInto('audit_log')
    .values(rows.map((row) => ({ ...row, details: JSON.stringify(row.details) })))
    .returning('seq')
    .execute();
  // A multi-row VALUES insert draws its identities in row order; sort anyway rather than rely on RETURNING order.
  return inserted.map((r) => r.seq).sort((a, b) => a - b);
}

/** Reads the chain in order, a page at a time (keyset on seq). */
export async function readChainPage(db: Executor, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export interface AuditFilter {
  actor?: string | undefined;
  agencyId?: string | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Entries about the resource: as their subject, or named in their details (a delivery, a request). */
  resourceId?: string | undefined;
  /** Entries about the grant (share or open): as their subject, or named in their details. */
  grantId?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

/** The search as a query (newest first, at most f.limit): run by searchAuditRows, counted by the export. */
export function auditSearchQuery(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.actor) q = q.where('actor_label', '=', f.actor);
  if (f.agencyId) q = q.where('actor_agency_id', '=', f.agencyId);
  if (f.action) {
    q = f.action.endsWith('*')
      ? q.where('action', 'like', `${f.action.slice(0, -1).replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
      : q.where('action', '=', f.action);
  }
  if (f.subjectType) q = q.where('subject_type', '=', f.subjectType);
  if (f.subjectId) q = q.where('subject_id', '=', f.subjectId);
  // Each branch matches an index: (subject_type, subject_id) or the partial expression indexes of
  // migration 20261127T0920_access_alerts (the same expressions), combined by a bitmap OR.
  if (f.resourceId) {
    const id = f.resourceId;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('subject_type', '=', 'catalog_resource'), eb('subject_id', '=', id)]),
        eb(sql.raw<string>(AUDIT_RESOURCE_REF), '=', id),
      ]),
    );
  }
  if (f.grantId) {
    const id = f.grantId;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('subject_type', 'in', ['share_grant', 'open_grant']), eb('subject_id', '=', id)]),
        eb(sql.raw<string>(AUDIT_GRANT_REF), '=', id),
      ]),
    );
  }
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<', new Date(f.to));
  if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
  return q.orderBy('seq', 'desc').limit(f.limit);
}

export async function searchAuditRows(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
  return auditSearchQuery(db, f).execute();
}
