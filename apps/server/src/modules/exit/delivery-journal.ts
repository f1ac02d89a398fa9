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
import type { RequestContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { AuditEvent, AuditService } from '../audit/audit.service.js';
import { insertDeliveries, setDeliveryFingerprint, type NewDelivery } from './exit.repository.js';

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

/** Bounded by PostgreSQL's 65,535 parameters per statement (audit rows have 15 columns). */
export const MAX_BATCH = 1000;

export function createDeliveryJournal(deps: { db: Kysely<Database>; audit: AuditService; maxBatch?: number }): DeliveryJournal {
  const maxBatch = Math.min(deps.maxBatch ?? MAX_BATCH, MAX_BATCH);
  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;

  async function commit(batch: readonly Pending[]): Promise<JournalReceipt[]> {
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

  async function drain(): Promise<void> {
    // Let the calls that arrived in the same turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        const receipts = await commit(batch);
        batch.forEach((p, i) => p.resolve(receipts[i] ?? { auditSeq: 0, serial: null }));
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
  }

  function start(): void {
    writing ??= drain().finally(() => {
      writing = null;
      // Entries appended while the last commit was finishing.
      if (queue.length > 0) start();
    });
  }

  return {
    append(entry) {
      return new Promise<JournalReceipt>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        start();
      });
    },
    async idle() {
      while (writing) await writing;
    },
  };
}
