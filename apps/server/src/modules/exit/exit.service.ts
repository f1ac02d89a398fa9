/**
 * The one exit (R7.1, R17.2, R29.1, R23.1; decision 5): every way shared data leaves the node goes
 * through one pipeline — grant check (deny by default, the refusal itself audited) → only granted
 * fields → masking by sensitivity and security level → provenance → audit entry and delivery row,
 * committed before the answer is sent (group commit, delivery-journal.ts; ADR 0007).
 */
import type { Readable } from 'node:stream';
import type { ExitRecord, Provenance } from '@gongshu/contracts';
import { checkGrantAccess, fail, refuse, type ExitCaller, type Refusal } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Config } from '../../config.js';
import type { Clock, RequestContext } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { createTtlCache } from '../../ttl-cache.js';
import { AuditedRefusal } from '../audit/audited-refusal.js';
import type { AuditService } from '../audit/audit.service.js';
import { deliveryId } from './delivery-id.js';
import { createDeliveryJournal, type DeliveryJournal } from './delivery-journal.js';
import { buildExitGrant, presenterFor, type ExitGrant } from './exit-grant.js';
import { EXTRACT_BLOCKS, parseFields, readBlocks, runPage, tableExtent, whereOf, type ExitFilter } from './exit-queries.js';
import { finishDelivery, loadGrant, type NewDelivery } from './exit.repository.js';
import { CONTENT_TYPES, extractStream, type ExtractFormat } from './extract-writers.js';
import { invisibleMark, provenanceToken } from './fingerprint.js';
import { createLookupBatcher, lookupPlan } from './lookup-batcher.js';
import { lazyKeyedHasher } from './mask-key.js';
import { blindIndexColumn, rowDecryptor } from '../encryption/encryption-layout.js';
import type { FieldCipher } from '../encryption/field-cipher.js';

export type DeliveryKind = 'lookup' | 'query' | 'extract';

/** The column of an extract that carries the visible fingerprint. */
export const PROVENANCE_COLUMN = '_gongshu_provenance';
/** People who may try the exit in the browser for their agency (systems call with API keys). */
const SESSION_ROLES = new Set(['steward', 'agency_staff']);

export interface ExitDeps {
  readonly db: Kysely<Database>;
  /** The pg pool on PostgreSQL (the journal's short path), null on PGlite. */
  readonly pool: pg.Pool | null;
  readonly audit: AuditService;
  readonly clock: Clock;
  readonly config: Pick<Config, 'maskKey' | 'accessCacheSeconds'>;
  /** Decrypts level-3+ fields after fetching, before masking; hashes looked-up identifiers for the blind index (R29.1). */
  readonly cipher: FieldCipher;
}

export interface ExtractResult {
  readonly stream: Readable;
  readonly contentType: string;
  readonly fileName: string;
  readonly provenance: Provenance;
}

export interface QueryInput {
  readonly fields?: string[] | undefined;
  readonly filters?: ExitFilter[] | undefined;
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
}

function callerOf(ctx: RequestContext): { caller: ExitCaller; refusal: Refusal | null } {
  const actor = ctx.actor;
  if (actor.kind !== 'user') return { caller: { agencyId: null, apiKeyId: null }, refusal: refuse('FORBIDDEN') };
  if (ctx.via === 'api_key') return { caller: { agencyId: actor.agency?.id ?? null, apiKeyId: ctx.apiKeyId ?? null }, refusal: null };
  const person = { agencyId: actor.agency?.id ?? null, apiKeyId: null };
  // A signed-in person of the consumer agency may try the exit (the UI's "try it"); nobody else.
  return { caller: person, refusal: actor.roles.some((r) => SESSION_ROLES.has(r)) ? null : refuse('FORBIDDEN') };
}

export function createExitService(deps: ExitDeps) {
  const { db, audit, clock } = deps;
  const hash = lazyKeyedHasher(db, deps.config.maskKey);
  const grants = createTtlCache<ExitGrant | null>(
    deps.config.accessCacheSeconds * 1000,
    async (id) => {
      const record = await loadGrant(db, id);
      return record ? buildExitGrant(record, await hash()) : null;
    },
    // An unknown grant is not remembered: a grant created a moment later must work at once.
    { keep: (grant) => grant !== null },
  );
  const journal: DeliveryJournal = createDeliveryJournal({ db, pool: deps.pool, audit });
  const lookups = createLookupBatcher(db);
  const decryptors = new WeakMap<ExitGrant, ((row: Record<string, unknown>) => Record<string, unknown>) | null>();
  /** R29.1: the grant's row decryptor (null when its table stores nothing encrypted). */
  function decryptorOf(grant: ExitGrant) {
    if (!decryptors.has(grant)) {
      const layout = grant.record.table?.layout ?? [];
      decryptors.set(grant, rowDecryptor(deps.cipher, grant.record.resourceId, grant.record.metadata?.fields ?? [], layout));
    }
    return decryptors.get(grant) ?? null;
  }
  /** The encrypted column of a field, if any. */
  const encryptedOf = (grant: ExitGrant, code: string) => grant.record.table?.layout.find((c) => c.code === code);

  /** The grant check; a refusal is audited (durably, through the journal) before it is thrown. */
  async function admit(
    ctx: RequestContext,
    kind: DeliveryKind,
    grantId: string,
    requested: string[] | null,
    more?: (grant: ExitGrant, codes: readonly string[]) => Refusal | null,
  ): Promise<{ grant: ExitGrant; codes: readonly string[] }> {
    const { caller, refusal: callerRefusal } = callerOf(ctx);
    const grant = await grants.get(grantId);
    let refusal: Refusal | null = null;
    let codes: readonly string[] = [];
    const decision = checkGrantAccess(grant?.facts ?? null, caller, clock(), requested);
    if (decision.ok) codes = decision.value;
    else refusal = decision.refusal;
    // The grant's agency, but a person of it who may not fetch data (the grant decides first, so
    // the answer names the more useful reason).
    refusal ??= callerRefusal;
    if (!refusal && grant && more) refusal = more(grant, codes);
    if (refusal || !grant) {
      const denied = refusal ?? refuse('EXIT_NO_GRANT');
      await journal.append({
        ctx,
        at: clock(),
        event: {
          action: `exit.${kind}`,
          subjectType: 'share_grant',
          subjectId: grantId,
          outcome: 'denied',
          details: {
            code: denied.code,
            ...(requested ? { requestedFields: requested } : {}),
            ...(ctx.apiKeyId ? { apiKeyId: ctx.apiKeyId } : {}),
          },
        },
        delivery: null,
      });
      throw new AuditedRefusal(denied);
    }
    return { grant, codes };
  }

  function tableOf(grant: ExitGrant) {
    const table = grant.record.table;
    if (!table?.loaded) fail('EXIT_NO_DATA');
    return table;
  }

  function provenanceOf(grant: ExitGrant, deliveryId: string, at: Date): Provenance {
    return {
      grant: { id: grant.record.id, number: grant.record.number },
      deliveryId,
      at: at.toISOString(),
      citation: grant.record.citation,
    };
  }

  /** Writes the delivery's audit entry and row; resolves after COMMIT (with the row's serial). */
  async function deliver(
    ctx: RequestContext,
    grant: ExitGrant,
    delivery: Omit<NewDelivery, 'grant_id' | 'via' | 'api_key_id' | 'user_id' | 'request_id'>,
    fingerprint?: (serial: number) => string,
  ): Promise<number | null> {
    const receipt = await journal.append({
      ctx,
      at: delivery.at,
      event: {
        action: `exit.${delivery.kind}`,
        subjectType: 'share_grant',
        subjectId: grant.record.id,
        details: {
          deliveryId: delivery.id,
          resourceId: grant.record.resourceId,
          fields: delivery.fields,
          rows: delivery.rows,
          ...(delivery.format ? { format: delivery.format } : {}),
          parameters: delivery.parameters,
          ...(ctx.apiKeyId ? { apiKeyId: ctx.apiKeyId } : {}),
        },
      },
      delivery: {
        ...delivery,
        grant_id: grant.record.id,
        via: ctx.via,
        api_key_id: ctx.via === 'api_key' ? (ctx.apiKeyId ?? null) : null,
        user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        request_id: ctx.requestId,
      },
      ...(fingerprint ? { fingerprint } : {}),
    });
    return receipt.serial;
  }

  return {
    /** Drops a grant from this process's cache: call it whenever a grant, its keys or its fields change. */
    invalidateGrant(grantId: string): void {
      grants.invalidate(grantId);
    },
    /** Drops every cached grant (e.g. after a new catalog version changed a resource's fields). */
    invalidateAllGrants(): void {
      grants.clear();
    },
    /** Resolves when every audit entry appended so far is committed. */
    idle: () => journal.idle(),
    /** The group-commit journal, shared with the open channel (modules/open-data): one audit writer per process. */
    journal,

    async lookup(
      ctx: RequestContext,
      grantId: string,
      key: string,
      fields?: string,
    ): Promise<{ record: ExitRecord | null; provenance: Provenance }> {
      const { grant, codes } = await admit(ctx, 'lookup', grantId, parseFields(fields));
      const table = tableOf(grant);
      if (!table.identifierColumn) fail('EXIT_IDENTIFIER_MISSING');
      // R29.1: an encrypted identifier is looked up by its blind index (the keyed hash of the value).
      const encrypted = encryptedOf(grant, table.identifierColumn);
      if (encrypted && !encrypted.blindIndex) fail('EXIT_IDENTIFIER_MISSING');
      const statementKey = codes.join(',');
      let plan = grant.statements.get(statementKey);
      if (!plan) {
        const identifier = grant.record.metadata?.fields.find((f) => f.code === table.identifierColumn);
        plan = encrypted
          ? lookupPlan(table.name, blindIndexColumn(table.identifierColumn), codes, true)
          : lookupPlan(table.name, table.identifierColumn, codes, identifier?.dataType === 'string');
        grant.statements.set(statementKey, plan);
      }
      const row = await lookups.lookup(plan, encrypted ? deps.cipher.blindIndex(key.trim()) : key);
      const decrypt = decryptorOf(grant);
      const record = row ? presenterFor(grant, codes)(decrypt ? decrypt(row) : row) : null;
      const at = clock();
      const id = deliveryId();
      // The identifier looked up is kept only as a keyed hash (R29.1).
      const keyHash = (await hash())(key);
      await deliver(ctx, grant, {
        id,
        kind: 'lookup',
        format: null,
        at,
        rows: record ? 1 : 0,
        fields: codes,
        parameters: { keyHash },
        completed_at: at,
      });
      return { record, provenance: provenanceOf(grant, id, at) };
    },

    async query(ctx: RequestContext, grantId: string, input: QueryInput) {
      const filters = input.filters ?? [];
      const { grant, codes } = await admit(ctx, 'query', grantId, parseFields(input.fields), (g) => {
        for (const f of filters) {
          const field = g.fields.get(f.field);
          if (!field || !g.facts.fields.includes(f.field)) {
            return refuse('EXIT_FIELD_NOT_GRANTED', { field: 'filters', details: { notGranted: [f.field] } });
          }
          // A masked value cannot be searched by range or prefix: that would unmask it step by step.
          if (field.mask.kind !== 'none' && (f.op !== 'eq' || field.mask.kind === 'null')) {
            return refuse('EXIT_FIELD_NOT_GRANTED', {
              field: 'filters',
              details: { masked: f.field },
              message: {
                zh: `信息项 ${field.name} 已脱敏，只能按完整值精确筛选`,
                en: `Field ${f.field} is masked: it can only be filtered by its exact value`,
              },
            });
          }
          // R29.1: an encrypted field is filtered by exact value only, through its blind index.
          const encrypted = encryptedOf(g, f.field);
          if (encrypted && (f.op !== 'eq' || !encrypted.blindIndex)) {
            return {
              code: 'VALIDATION_FAILED',
              requirement: 'R29.1',
              field: 'filters',
              details: { encrypted: f.field },
              message: {
                zh: `信息项 ${field.name} 已加密存储（R29.1），${encrypted.blindIndex ? '只能按完整值精确筛选' : '不能用于筛选'}`,
                en: `Field ${f.field} is encrypted at rest (R29.1): ${encrypted.blindIndex ? 'it can only be filtered by its exact value' : 'it cannot be filtered'}`,
              },
            };
          }
        }
        return null;
      });
      const table = tableOf(grant);
      const page = input.page ?? 1;
      const pageSize = input.pageSize ?? 50;
      const specs = new Map([...grant.fields].map(([code, f]) => [code, f.spec]));
      // Values are checked against their fields in clear; an encrypted field's equality is then asked of its blind index (R29.1).
      whereOf(filters, specs);
      const indexed = filters.map((f) => {
        const spec = specs.get(f.field);
        if (!spec || !encryptedOf(grant, f.field)) return f;
        const code = blindIndexColumn(f.field);
        specs.set(code, { ...spec, code, dataType: 'string' });
        return { field: code, op: 'eq' as const, value: deps.cipher.blindIndex(f.value.trim()) };
      });
      const where = whereOf(indexed, specs);
      const { rows, total } = await runPage(db, {
        table: table.name,
        codes,
        orderBy: table.identifierColumn ?? codes[0] ?? '',
        where,
        page,
        pageSize,
      });
      const present = presenterFor(grant, codes);
      const decrypt = decryptorOf(grant);
      const records = rows.map((row) => present(decrypt ? decrypt(row) : row));
      const h = await hash();
      const at = clock();
      const id = deliveryId();
      await deliver(ctx, grant, {
        id,
        kind: 'query',
        format: null,
        at,
        rows: records.length,
        fields: codes,
        // Values of masked fields are kept as keyed hashes, like looked-up identifiers.
        parameters: {
          filters: filters.map((f) => ({
            field: f.field,
            op: f.op,
            ...(grant.fields.get(f.field)?.mask.kind === 'none' ? { value: f.value } : { valueHash: h(f.value) }),
          })),
          page,
          pageSize,
        },
        completed_at: at,
      });
      return { records, page, pageSize, total, provenance: provenanceOf(grant, id, at) };
    },

    async extract(ctx: RequestContext, grantId: string, format: ExtractFormat, fields?: string): Promise<ExtractResult> {
      const { grant, codes } = await admit(ctx, 'extract', grantId, parseFields(fields));
      const table = tableOf(grant);
      const extent = await tableExtent(db, table.name);
      if (!extent) fail('EXIT_NO_DATA');
      const at = clock();
      const id = deliveryId();
      const { watermarkKey, number } = grant.record;
      // Recorded and audited before the first byte leaves; rows and completion follow at the end.
      const serial = await deliver(
        ctx,
        grant,
        { id, kind: 'extract', format, at, rows: 0, fields: codes, parameters: {}, completed_at: null },
        (s) => provenanceToken(watermarkKey, number, s),
      );
      if (serial === null) throw new Error('an extract delivery was recorded without a serial');
      const token = provenanceToken(watermarkKey, number, serial);
      const mark = invisibleMark(watermarkKey, serial);
      const carrier = watermarkCarrier(grant, codes);
      const present = presenterFor(grant, codes);
      // R29.1: encrypted fields are decrypted in Node, batch by batch, before masking.
      const decrypt = decryptorOf(grant);

      async function* batches(): AsyncGenerator<ExitRecord[]> {
        for (let from = 0; from < (extent?.blocks ?? 0); from += EXTRACT_BLOCKS) {
          // A replace load swaps the table: stop rather than mix two versions of the data.
          const now = await tableExtent(db, table.name);
          if (now?.oid !== extent?.oid) throw new Error('the resource’s data was replaced during the extract');
          const rows = await readBlocks(db, table.name, codes, from, from + EXTRACT_BLOCKS);
          yield rows.map((row) => {
            const record = present(decrypt ? decrypt(row) : row);
            if (carrier) record[carrier] = `${record[carrier] ?? ''}${mark}`;
            record[PROVENANCE_COLUMN] = token;
            return record;
          });
        }
      }

      const columns = [
        ...codes.map((code) => ({ code, name: grant.fields.get(code)?.name ?? code })),
        { code: PROVENANCE_COLUMN, name: PROVENANCE_COLUMN },
      ];
      const about: [string, string][] = [
        ['grant', number],
        ['delivery', id],
        ['at', at.toISOString()],
        ['citation', grant.record.citation],
        ['fingerprint', token],
      ];
      const stream = extractStream(format, columns, batches(), about, async (rows, complete) => {
        await finishDelivery(db, id, rows, complete ? clock() : null);
      });
      return {
        stream,
        contentType: CONTENT_TYPES[format],
        fileName: `${number}-${serial}.${format}`,
        provenance: provenanceOf(grant, id, at),
      };
    },
  };
}

/**
 * The field that carries the invisible mark: a text field that is not an identifier (identifiers
 * are join keys), preferably unmasked, never one that is withheld or hashed.
 */
export function watermarkCarrier(grant: ExitGrant, codes: readonly string[]): string | null {
  const candidates = codes
    .map((code) => grant.fields.get(code))
    .filter(
      (f) => f && f.spec.dataType === 'string' && f.spec.identifierRole === 'none' && f.mask.kind !== 'null' && f.mask.kind !== 'hash',
    );
  return (candidates.find((f) => f?.mask.kind === 'none') ?? candidates[0])?.code ?? null;
}

export type ExitService = ReturnType<typeof createExitService>;
