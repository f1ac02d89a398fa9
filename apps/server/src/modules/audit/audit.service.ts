/**
 * The audit trail (R29.1, decision 6): every state change and data access appends an entry in the
 * same transaction as the change; entries are hash-chained and verifiable.
 */
import type { AuditEntry, AuditVerification } from '@gongshu/contracts';
import type { Clock, RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { AuditRow } from '../../db/schema.js';
import { GENESIS_HASH, auditEntryHash, type AuditHashAlg } from './audit-hash.js';
import {
  insertAuditRow,
  insertAuditRows,
  lockChainHead,
  readChainPage,
  searchAuditRows,
  type AuditFilter,
  type NewAuditRow,
} from './audit.repository.js';

export interface AuditEvent {
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId?: string | null;
  readonly outcome?: 'ok' | 'denied' | 'failed';
  /** What changed or was accessed. Never passwords, tokens or keys. */
  readonly details?: Record<string, unknown>;
}

/** One entry of a batch: its context, event and the time it happened (not the time of the write). */
export interface AuditBatchItem {
  readonly ctx: RequestContext;
  readonly event: AuditEvent;
  readonly at: Date;
}

export interface AuditService {
  /** Appends an entry; call it inside the transaction of the change it records. */
  record(trx: Executor, ctx: RequestContext, event: AuditEvent): Promise<number>;
  /**
   * Appends several entries in their order under one chain-head lock and one insert (the group
   * commit of the exit, ADR 0007); same chain format as record(). Returns their seqs in order.
   */
  recordBatch(trx: Executor, items: readonly AuditBatchItem[]): Promise<number[]>;
  /**
   * The rows of a batch chained after `prev` (pure): for writers that take the chain-head lock
   * themselves in fewer round trips (the exit's PostgreSQL path, ADR 0007). Same format as record().
   */
  chainBatch(prev: string, items: readonly AuditBatchItem[]): NewAuditRow[];
  verify(db: Executor): Promise<AuditVerification>;
  search(db: Executor, filter: AuditFilter): Promise<{ entries: AuditEntry[]; nextBeforeSeq: number | null }>;
}

function actorColumns(ctx: RequestContext) {
  if (ctx.actor.kind === 'user') {
    return { actor_user_id: ctx.actor.userId, actor_label: ctx.actor.username, actor_agency_id: ctx.actor.agency?.id ?? null };
  }
  return {
    actor_user_id: null,
    actor_label: ctx.via === 'session' || ctx.via === 'api_key' ? 'anonymous' : ctx.via,
    actor_agency_id: null,
  };
}

export function createAuditService(deps: { clock: Clock; hashAlg: AuditHashAlg }): AuditService {
  const chained = (ctx: RequestContext, event: AuditEvent, at: Date, prev: string) => {
    const fields = {
      at,
      ...actorColumns(ctx),
      via: ctx.via,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: event.subjectId ?? null,
      outcome: event.outcome ?? 'ok',
      request_id: ctx.requestId,
      ip: ctx.ip,
      details: event.details ?? {},
      hash_alg: deps.hashAlg,
      prev_hash: prev,
    };
    return { ...fields, hash: auditEntryHash(fields) };
  };
  return {
    async record(trx, ctx, event) {
      const prev = (await lockChainHead(trx)) ?? GENESIS_HASH;
      return insertAuditRow(trx, chained(ctx, event, deps.clock(), prev));
    },

    async recordBatch(trx, items) {
      if (items.length === 0) return [];
      const prev = (await lockChainHead(trx)) ?? GENESIS_HASH;
      return insertAuditRows(trx, this.chainBatch(prev, items));
    },

    chainBatch(prev, items) {
      let last = prev;
      return items.map((item) => {
        const row = chained(item.ctx, item.event, item.at, last);
        last = row.hash;
        return row;
      });
    },

    async verify(db) {
      let expectedPrev = GENESIS_HASH;
      let checked = 0;
      let after = 0;
      for (;;) {
        const page = await readChainPage(db, after, 1000);
        for (const row of page) {
          if (row.prev_hash !== expectedPrev) {
            return {
              ok: false,
              checked,
              firstBroken: {
                seq: row.seq,
                reason: 'prev_hash does not match the previous entry (an entry was removed, inserted or reordered)',
              },
            };
          }
          if (auditEntryHash(row) !== row.hash) {
            return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'hash does not match the entry (the entry was changed)' } };
          }
          expectedPrev = row.hash;
          checked++;
          after = row.seq;
        }
        if (page.length < 1000) return { ok: true, checked, firstBroken: null };
      }
    },

    async search(db, filter) {
      // One row more than asked tells whether another page exists.
      const rows = await searchAuditRows(db, { ...filter, limit: filter.limit + 1 });
      const page = rows.slice(0, filter.limit);
      const last = page.at(-1);
      return { entries: page.map(presentAuditRow), nextBeforeSeq: rows.length > filter.limit && last ? last.seq : null };
    },
  };
}

export function presentAuditRow(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    actorAgencyId: row.actor_agency_id,
    via: row.via,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    outcome: row.outcome as AuditEntry['outcome'],
    requestId: row.request_id,
    details: row.details,
    hash: row.hash,
  };
}
