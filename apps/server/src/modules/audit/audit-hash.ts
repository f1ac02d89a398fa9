/**
 * The hash chain of the audit trail (decision 6, R29.1): each entry's hash covers the previous
 * entry's hash and the RFC 8785 canonical JSON of the entry, so changing, removing or reordering
 * any entry breaks every hash after it. (canonicalJson writes what the `canonicalize` package writes,
 * faster: canonical-json.ts.)
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export type AuditHashAlg = 'sm3' | 'sha256';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that the hash covers (everything but seq and hash itself). */
export interface HashedAuditFields {
  readonly at: Date;
  readonly actor_user_id: string | null;
  readonly actor_label: string;
  readonly actor_agency_id: string | null;
  readonly via: string;
  readonly action: string;
  readonly subject_type: string;
  readonly subject_id: string | null;
  readonly outcome: string;
  readonly request_id: string | null;
  readonly ip: string | null;
  readonly details: Record<string, unknown>;
  readonly hash_alg: string;
  readonly prev_hash: string;
}

export function auditEntryHash(fields: HashedAuditFields): string {
  const payload = canonicalJson({
    at: fields.at.toISOString(),
    actor_user_id: fields.actor_user_id,
    actor_label: fields.actor_label,
    actor_agency_id: fields.actor_agency_id,
    via: fields.via,
    action: fields.action,
    subject_type: fields.subject_type,
    subject_id: fields.subject_id,
    outcome: fields.outcome,
    request_id: fields.request_id,
    ip: fields.ip,
    details: fields.details,
    hash_alg: fields.hash_alg,
  });
  if (payload === undefined) throw new Error('audit entry cannot be serialized');
  return createHash(fields.hash_alg).update(fields.prev_hash).update('\n').update(payload).digest('hex');
}
