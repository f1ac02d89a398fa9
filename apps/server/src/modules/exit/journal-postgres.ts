/**
 * The group commit on PostgreSQL (ADR 0007). Under load the round trips of the batches, not the
 * CPU, set the pace of the exit, so the writer:
 *
 * - keeps one connection while batches follow each other (it never queues behind the lookups for
 *   a pooled connection);
 * - takes the audit chain's lock (the same advisory lock as AuditService.record) for its session
 *   and reads the head once; while it holds the lock nobody else appends, so it knows the head;
 * - appends each batch in ONE autocommit statement: the chained audit rows and the delivery rows
 *   (two JSON documents read with jsonb_to_recordset), committed (and fsynced) before the
 *   statement returns;
 * - chains a batch to the last hash it sent, without waiting for that batch's answer, so batches
 *   can follow each other on the connection (which executes them in order; the journal has two
 *   in flight, delivery-journal.ts, and a retry or an unlock may be queued behind them). Each
 *   statement is guarded: it appends only if the chain head is the one its rows were chained to, so
 *   a batch after a failed one appends nothing, is chained again to the real head and sent once
 *   more. Batches take turns to chain and queue; an extract's batch keeps the turn until its
 *   transaction ends;
 * - names the append statement, so it is parsed and planned once per connection;
 * - lets the lock go after HOLD_MS, or when idle, so other writers (sign-ins, workflows, other
 *   processes) wait at most about that long: the unlock is sent behind the batches in flight and
 *   the next batch asks for the lock again, queueing behind the waiting writers. A connection is
 *   never returned to the pool holding the lock; a failed one is destroyed, which drops the lock.
 *
 * A batch with an extract writes its fingerprint (which depends on the serial the insert draws) in
 * the same explicit transaction as its rows.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { GENESIS_HASH } from '../audit/audit-hash.js';
import { LOCK_CHAIN_SESSION_SQL, UNLOCK_CHAIN_SESSION_SQL } from '../audit/audit.repository.js';
import type { AuditService } from '../audit/audit.service.js';
import type { JournalEntry, JournalReceipt } from './delivery-journal.js';

/** The longest the writer keeps the chain lock while batches follow each other. */
export const HOLD_MS = 50;

const APPEND_SQL = `
with h as (
  select coalesce((select hash from audit_log order by seq desc limit 1), $3) = $3 as ok
), a as (
  insert into audit_log (at, actor_user_id, actor_label, actor_agency_id, via, action, subject_type, subject_id, outcome,
                         request_id, ip, details, hash_alg, prev_hash, hash)
  select at, actor_user_id, actor_label, actor_agency_id, via, action, subject_type, subject_id, outcome,
         request_id, ip, details, hash_alg, prev_hash, hash
  from jsonb_to_recordset($1::jsonb) as r(at timestamptz, actor_user_id uuid, actor_label text, actor_agency_id uuid, via text,
       action text, subject_type text, subject_id text, outcome text, request_id text, ip text, details jsonb, hash_alg text,
       prev_hash text, hash text)
  where (select ok from h)
  returning seq
), d as (
  insert into deliveries (id, grant_id, channel, resource_id, open_grant_id, derivative_id, kind, format, via, api_key_id, user_id,
                          at, rows, fields, parameters, request_id, completed_at)
  select id, grant_id, coalesce(channel, 'share'), resource_id, open_grant_id, derivative_id, kind, format, via, api_key_id, user_id,
         at, rows, fields, parameters, request_id, completed_at
  from jsonb_to_recordset($2::jsonb) as r(id uuid, grant_id uuid, channel text, resource_id uuid, open_grant_id uuid, derivative_id uuid,
       kind text, format text, via text, api_key_id uuid, user_id uuid, at timestamptz, rows integer, fields jsonb, parameters jsonb,
       request_id text, completed_at timestamptz)
  where (select ok from h)
  returning id, serial
)
select (select ok from h) as ok,
       (select coalesce(json_agg(seq order by seq), '[]') from a) as seqs,
       (select coalesce(json_agg(json_build_object('id', id, 'serial', serial)), '[]') from d) as deliveries`;

/** The name of the prepared append statement (changes with its text, so a new version never meets an old plan). */
const APPEND_STATEMENT = `gongshu_exit_append_${createHash('sha1').update(APPEND_SQL).digest('hex').slice(0, 12)}`;

const READ_HEAD_SQL = 'select hash from audit_log order by seq desc limit 1';

type AuditRows = ReturnType<AuditService['chainBatch']>;

interface Written {
  readonly ok: boolean;
  readonly seqs: number[];
  readonly serials: Map<string, number>;
}

export interface PostgresWriter {
  commit(batch: readonly JournalEntry[]): Promise<JournalReceipt[]>;
  /** Called when nothing is queued or in flight: unlocks and gives the connection back. */
  rest(): Promise<void>;
}

async function append(c: pg.PoolClient, rows: AuditRows, prev: string, batch: readonly JournalEntry[]): Promise<Written> {
  const deliveries = batch.flatMap((e) => (e.delivery ? [e.delivery] : []));
  // The rows travel as two JSON documents (JSON.stringify is native; pg's array literals are
  // escaped element by element in JavaScript) and are read back with jsonb_to_recordset.
  // A named statement: parsed and planned once per connection, not once per batch.
  const result = await c.query<{ ok: boolean; seqs: number[]; deliveries: { id: string; serial: number }[] }>({
    name: APPEND_STATEMENT,
    text: APPEND_SQL,
    values: [JSON.stringify(rows), JSON.stringify(deliveries), prev],
  });
  const row = result.rows[0];
  return { ok: row?.ok === true, seqs: row?.seqs ?? [], serials: new Map((row?.deliveries ?? []).map((d) => [d.id, d.serial])) };
}

/**
 * An extract's batch: its rows and fingerprints in one explicit transaction. BEGIN and the append
 * are queued together, and nothing else may be queued on the connection until COMMIT or ROLLBACK
 * (the batch holds the writer's turn): another batch's statement queued in between would run, and
 * be answered, inside this transaction, before it commits.
 */
async function appendWithFingerprints(c: pg.PoolClient, rows: AuditRows, prev: string, batch: readonly JournalEntry[]): Promise<Written> {
  const begun = c.query('begin');
  const appended = append(c, rows, prev, batch);
  try {
    await begun;
    const written = await appended;
    for (const entry of batch) {
      const serial = entry.delivery ? written.serials.get(entry.delivery.id) : undefined;
      if (entry.fingerprint && entry.delivery && serial !== undefined) {
        await c.query('update deliveries set fingerprint = $1 where id = $2', [entry.fingerprint(serial), entry.delivery.id]);
      }
    }
    await c.query('commit');
    return written;
  } catch (error) {
    await appended.catch(() => undefined);
    await c.query('rollback');
    throw error;
  }
}

export function createPostgresWriter(pool: pg.Pool, audit: AuditService): PostgresWriter {
  let client: Promise<pg.PoolClient> | null = null;
  let locked = false;
  /** The head the next batch chains to: the last hash sent (assuming the batches before succeed). */
  let head: string | null = null;
  let lockedAt = 0;
  let inFlight = 0;

  /** Batches take turns to chain and send (so the connection receives them in chain order). */
  let turn: Promise<void> = Promise.resolve();

  const connection = (): Promise<pg.PoolClient> => (client ??= pool.connect());

  /** A failed connection is destroyed (PostgreSQL then drops its lock); the next batch starts over. */
  async function discard(error: unknown): Promise<void> {
    const c = client;
    client = null;
    locked = false;
    head = null;
    (await c?.catch(() => null))?.release(error instanceof Error ? error : new Error(String(error)));
  }

  async function unlock(): Promise<void> {
    if (!locked || !client) return;
    const c = await client;
    locked = false;
    head = null;
    await c.query(UNLOCK_CHAIN_SESSION_SQL);
  }

  /** The head, locking first if this session does not hold the lock (sent in order on the connection). */
  async function currentHead(c: pg.PoolClient): Promise<string> {
    if (head !== null) return head;
    if (!locked) {
      locked = true;
      lockedAt = performance.now();
      const result = (await c.query(LOCK_CHAIN_SESSION_SQL)) as unknown as pg.QueryResult<{ hash: string }>[];
      head ??= result[1]?.rows[0]?.hash ?? GENESIS_HASH;
    } else {
      const result = await c.query<{ hash: string }>(READ_HEAD_SQL);
      head ??= result.rows[0]?.hash ?? GENESIS_HASH;
    }
    return head;
  }

  async function send(c: pg.PoolClient, batch: readonly JournalEntry[], attempt: number): Promise<Written> {
    const previous = turn;
    let done = (): void => undefined;
    turn = new Promise<void>((resolve) => (done = resolve));
    let sent: Promise<Written>;
    try {
      await previous;
      if (locked && performance.now() - lockedAt > HOLD_MS) {
        // Let the other writers in: the unlock runs after the batches already sent (one connection,
        // in order); this batch then asks for the lock again, behind them.
        locked = false;
        head = null;
        void c.query(UNLOCK_CHAIN_SESSION_SQL).catch(discard);
      }
      const prev = await currentHead(c);
      const rows = audit.chainBatch(
        prev,
        batch.map((e) => ({ ctx: e.ctx, event: e.event, at: e.at })),
      );
      // The next batch chains to this one's last hash without waiting for it (pipelining).
      head = rows.at(-1)?.hash ?? prev;
      if (batch.some((e) => e.fingerprint)) {
        sent = appendWithFingerprints(c, rows, prev, batch);
        // The turn passes on only when the transaction has ended.
        await sent.catch(() => undefined);
      } else {
        // Queued on the connection now (append calls query before its first await).
        sent = append(c, rows, prev, batch);
      }
    } finally {
      done();
    }
    const written = await sent;
    if (written.ok) return written;
    // A batch before this one failed: nothing was appended; chain again to the real head.
    head = null;
    if (attempt > 0) throw new Error('the audit chain head moved under the journal’s lock');
    return send(c, batch, attempt + 1);
  }

  return {
    async commit(batch) {
      inFlight++;
      try {
        const c = await connection();
        const written = await send(c, batch, 0);
        return batch.map((e, i) => ({
          auditSeq: written.seqs[i] ?? 0,
          serial: e.delivery ? (written.serials.get(e.delivery.id) ?? null) : null,
        }));
      } catch (error) {
        head = null;
        // A statement error leaves the connection usable; anything else (connection lost) does not.
        if (!(error instanceof Error && 'severity' in error)) await discard(error);
        throw error;
      } finally {
        inFlight--;
      }
    },

    async rest() {
      if (!client || inFlight > 0) return;
      try {
        await unlock();
        (await client).release();
        client = null;
      } catch (error) {
        await discard(error);
      }
    },
  };
}
