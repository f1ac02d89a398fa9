/**
 * Group commit of the exit's audit trail (R29.1, decision 5; ADR 0007). Every delivery, and every
 * refusal, must be durable before the caller sees its answer; one transaction per call would make
 * the commit (an fsync) the ceiling of the exit. Instead concurrent calls enqueue their entries and
 * a single writer appends them together: one transaction, the audit chain continued in order under
 * the chain-head lock (AuditService.recordBatch, same format as every other entry), one multi-row
 * insert of the delivery rows. Each waiting call is resolved only after COMMIT; if the commit
 * fails, every call of the batch fails and no data is sent.
 */
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { RequestContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { AuditEvent, AuditService } from '../audit/audit.service.js';
import { insertDeliveries, setDeliveryFingerprint, type NewDelivery } from './exit.repository.js';
import { createPostgresWriter } from './journal-postgres.js';

export interface JournalEntry {
  readonly ctx: RequestContext;
  readonly at: Date;
  readonly event: AuditEvent;
  /** The delivery row; null for a refused call (audited only). */
  readonly delivery: NewDelivery | null;
  /** For extracts: the fingerprint, which depends on the serial the insert draws. */
  readonly fingerprint?: (serial: number) => string;
}

export interface JournalReceipt {
  readonly auditSeq: number;
  /** The delivery's serial (null for a refusal). */
  readonly serial: number | null;
}

export interface DeliveryJournal {
  /** Resolves once the entry is committed. */
  append(entry: JournalEntry): Promise<JournalReceipt>;
  /** Resolves when everything appended so far is written. */
  idle(): Promise<void>;
}

interface Pending {
  readonly entry: JournalEntry;
  resolve(receipt: JournalReceipt): void;
  reject(error: unknown): void;
}

/** Bounded by PostgreSQL's 65,535 parameters per statement on the Kysely path (audit rows have 15 columns). */
export const MAX_BATCH = 1000;

export function createDeliveryJournal(deps: {
  db: Kysely<Database>;
  /** The pg pool on PostgreSQL: batches are then written in one pipelined round trip each (journal-postgres.ts). */
  pool: pg.Pool | null;
  audit: AuditService;
  maxBatch?: number;
}): DeliveryJournal {
  const maxBatch = Math.min(deps.maxBatch ?? MAX_BATCH, MAX_BATCH);
  const queue: Pending[] = [];
  const { pool } = deps;

  const postgres = pool ? createPostgresWriter(pool, deps.audit) : null;

  async function commit(batch: readonly Pending[]): Promise<JournalReceipt[]> {
    if (postgres) return postgres.commit(batch.map((p) => p.entry));
    return deps.db.transaction().execute(async (trx) => {
      const seqs = await deps.audit.recordBatch(
        trx,
        batch.map((p) => ({ ctx: p.entry.ctx, event: p.entry.event, at: p.entry.at })),
      );
      const deliveries = batch.flatMap((p) => (p.entry.delivery ? [p.entry.delivery] : []));
      const serials = await insertDeliveries(trx, deliveries);
      for (const { entry } of batch) {
        const serial = entry.delivery ? serials.get(entry.delivery.id) : undefined;
        if (entry.fingerprint && entry.delivery && serial !== undefined) {
          await setDeliveryFingerprint(trx, entry.delivery.id, entry.fingerprint(serial));
        }
      }
      return batch.map((p, i) => ({
        auditSeq: seqs[i] ?? 0,
        serial: p.entry.delivery ? (serials.get(p.entry.delivery.id) ?? null) : null,
      }));
    });
  }

  /**
   * Batches being written; on PostgreSQL two at a time (the second is queued while the first runs).
   * One at a time was tried: interleaved comparisons favoured whichever variant ran second in each
   * round, so the depth made no measurable difference and the original stays.
   */
  const pipeline = postgres ? 2 : 1;
  let inFlight = 0;
  let scheduled = false;
  let resting: Promise<void> | null = null;
  let idleWaiters: (() => void)[] = [];

  function settle(batch: readonly Pending[], work: Promise<JournalReceipt[]>): void {
    inFlight++;
    work
      .then(
        (receipts) => batch.forEach((p, i) => p.resolve(receipts[i] ?? { auditSeq: 0, serial: null })),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      )
      .finally(() => {
        inFlight--;
        if (queue.length > 0) pump();
        else if (inFlight === 0) rest();
      });
  }

  function pump(): void {
    while (queue.length > 0 && inFlight < pipeline) {
      if (resting) {
        void resting.then(pump);
        return;
      }
      const batch = queue.splice(0, maxBatch);
      settle(batch, commit(batch));
    }
  }

  /** Idle: the chain lock and the connection go back (and the pool can close). */
  function rest(): void {
    const done = () => {
      resting = null;
      if (queue.length > 0) pump();
      else if (inFlight === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        waiters.forEach((w) => w());
      }
    };
    if (!postgres) return done();
    resting ??= postgres.rest().finally(done);
  }

  return {
    append(entry) {
      return new Promise<JournalReceipt>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        // Let the calls that arrive in the same turn of the event loop join the batch.
        setImmediate(() => {
          scheduled = false;
          pump();
        });
      });
    },
    idle() {
      if (queue.length === 0 && inFlight === 0 && !resting && !scheduled) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
