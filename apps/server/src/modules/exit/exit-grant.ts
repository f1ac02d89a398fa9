/**
 * A grant as the exit uses it (cached per grant, ADR 0007): the facts for the pure grant check,
 * and for each deliverable field its mask (R29.1): the grant's override > the field's declared
 * mask > the grading default of its sensitivity and the security level (exitMask, the one place
 * the share channel's lookups and extracts and the open channel take it from).
 */
import type { ExitRecord } from '@gongshu/contracts';
import { applyMask, effectiveMask, type FieldSpec, type GrantFacts, type GrantState, type MaskKind } from '@gongshu/domain';
import type { GrantRecord } from './exit.repository.js';
import type { LookupPlan } from './lookup-batcher.js';

export type ExitValue = string | number | boolean | null;

export interface ExitField {
  readonly code: string;
  readonly name: string;
  readonly spec: FieldSpec;
  readonly mask: MaskKind;
  /** The value as delivered: converted to JSON and masked. */
  readonly present: (value: unknown) => ExitValue;
}

export interface ExitGrant {
  readonly record: GrantRecord;
  readonly facts: GrantFacts;
  /** Granted fields that the resource still has, in the resource's order. */
  readonly fields: ReadonlyMap<string, ExitField>;
  /** Rows presenters by field list (built on first use, kept with the grant). */
  readonly presenters: Map<string, (row: Record<string, unknown>) => ExitRecord>;
  /** Lookup statements by field list (built on first use, kept with the grant). */
  readonly statements: Map<string, LookupPlan>;
}

/** A database value as JSON: timestamps as ISO strings, the rest as the driver gives it. */
export function plainValue(value: unknown): ExitValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return typeof value === 'bigint' ? value.toString() : JSON.stringify(value);
}

function presenterOf(mask: MaskKind, hash: (value: string) => string): (value: unknown) => ExitValue {
  if (mask.kind === 'none') return plainValue;
  return (value) => {
    const plain = plainValue(value);
    return plain === null ? null : applyMask(String(plain), mask, hash);
  };
}

/**
 * The mask the exit applies to a field (R29.1): the grant's override, else the field's declared
 * mask, else the grading default; never weaker than the grading minimum (domain effectiveMask).
 */
export function exitMask(spec: FieldSpec, securityLevel: number, overrides?: Readonly<Record<string, MaskKind>> | null): MaskKind {
  return effectiveMask(spec, securityLevel, overrides?.[spec.code] ?? null);
}

export function buildExitGrant(record: GrantRecord, hash: (value: string) => string): ExitGrant {
  const specs = record.metadata?.fields ?? [];
  const level = record.metadata?.securityLevel ?? 4;
  const fields = new Map<string, ExitField>();
  for (const spec of specs) {
    if (!record.fields.includes(spec.code)) continue;
    const mask = exitMask(spec, level, record.masks);
    fields.set(spec.code, { code: spec.code, name: spec.name, spec, mask, present: presenterOf(mask, hash) });
  }
  return {
    record,
    facts: {
      consumerAgencyId: record.consumerAgencyId,
      state: record.state as GrantState,
      validFrom: record.validFrom,
      validTo: record.validTo,
      // Only what can still be delivered counts as granted: a field the resource dropped is gone.
      fields: record.fields.filter((code) => fields.has(code)),
      apiKeyIds: record.apiKeyIds,
    },
    fields,
    presenters: new Map(),
    statements: new Map(),
  };
}

/** Turns rows of the listed fields into delivered records (masked). */
export function presenterFor(grant: ExitGrant, codes: readonly string[]): (row: Record<string, unknown>) => ExitRecord {
  const key = codes.join(',');
  const cached = grant.presenters.get(key);
  if (cached) return cached;
  const present = codes.map((code) => [code, grant.fields.get(code)?.present ?? plainValue] as const);
  const presenter = (row: Record<string, unknown>): ExitRecord => {
    const out: ExitRecord = {};
    for (const [code, fn] of present) out[code] = fn(row[code]);
    return out;
  };
  grant.presenters.set(key, presenter);
  return presenter;
}
