/**
 * Loads of data into the node (R11.1, R11.2, R12.1, R12.2): the batch record, who may load, the
 * quality policy, problem rows, the atomic merge, the audit entry and the quality score. Three
 * channels share it: web upload (queued, processed in the background), the CLI, and the push API.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, open } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import {
  authorize,
  DomainError,
  fail,
  NO_RULES,
  refuse,
  type FieldSpec,
  type QualityRules,
  type ResourceMetadata,
  type UserActor,
} from '@gongshu/domain';
import { sql } from 'kysely';
import pg, { type PoolClient } from 'pg';
import { systemContext, type Clock, type RequestContext } from '../../context.js';
import type { Db } from '../../db/connect.js';
import type { LoadBatchRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { agencyRecipients, insertNotifications } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import { LoadInputError, openRowSource, type LoadEncoding, type LoadFormat, type RowSource } from './load-sources.js';
import {
  createStaging,
  dropStaging,
  indexStaging,
  mergeStaging,
  openSink,
  removeBrokenReferences,
  stageRows,
  stagingTableOf,
  type LoadMode,
} from './load-pipeline.js';
import { computeQualityScore } from './quality.js';
import { layoutOf, rowDecryptor, rowEncryptor, storedLayout, type EncryptedColumn } from '../encryption/encryption-layout.js';
import { sealRaw } from '../encryption/sealed-problems.js';
import { shapeOf } from './data-tables.js';
import type { FieldCipher } from '../encryption/field-cipher.js';

export interface LoadOptions {
  readonly mode: LoadMode;
  readonly format: LoadFormat;
  readonly encoding?: LoadEncoding | null;
  readonly fileName?: string | null;
}

export interface LoadTarget {
  readonly resourceId: string;
  readonly providerAgencyId: string;
  readonly name: string;
  readonly table: string;
  readonly identifierColumn: string | null;
  readonly fields: readonly FieldSpec[];
  readonly updateFrequency: ResourceMetadata['updateFrequency'];
  /** The table's encryption layout (R29.1): these fields are written as ciphertext. */
  readonly layout: readonly EncryptedColumn[];
  /** The layout the grading asks for now: a replace load rebuilds the table with it (R29.1). */
  readonly wantedLayout: readonly EncryptedColumn[];
  /** The table's column types under the wanted layout (resource_tables.columns after a rebuild). */
  readonly wantedColumns: { readonly code: string; readonly type: string }[];
}

export interface QualityConfig {
  readonly rules: QualityRules;
  readonly policy: 'reject' | 'quarantine';
  readonly threshold: number;
}

export const DEFAULT_QUALITY: QualityConfig = { rules: NO_RULES, policy: 'reject', threshold: 0.05 };

export function createLoadsService(deps: { db: Db; audit: AuditService; clock: Clock; dataDir: string; cipher: FieldCipher }) {
  const { db, audit, clock } = deps;
  const kysely = db.kysely;
  const uploadsDir = path.join(deps.dataDir, 'uploads');
  let queue: Promise<void> = Promise.resolve();
  const pending = new Set<Promise<unknown>>();
  /** Work that follows a load in the background (quality score); idle() waits for it. */
  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => undefined).finally(() => pending.delete(settled));
    pending.add(settled);
  };

  /**
   * This process's instance id and, on PostgreSQL, a session advisory lock on it, held on a
   * connection of its own from the first queued upload until close(): other processes' janitors
   * see the lock and leave this process's waiting uploads alone (migration 20261127T0970).
   */
  const instance = randomUUID();
  const ownerKey = (id: string) => `gongshu:loads:${id}`;
  let ownerClient: Promise<pg.Client> | null = null;
  async function holdOwnerLock(): Promise<void> {
    const pool = db.pool;
    if (!pool) return;
    ownerClient ??= (async () => {
      const client = new pg.Client(pool.options);
      // A lost connection loses the lock: the next upload takes it again.
      client.on('error', () => {
        ownerClient = null;
      });
      await client.connect();
      await client.query('select pg_advisory_lock(hashtext($1))', [ownerKey(instance)]);
      return client;
    })().catch((error: unknown) => {
      ownerClient = null;
      throw error;
    });
    await ownerClient;
  }
  /** Whether another process that queued uploads is alive (its owner lock is held); always false on the embedded database. */
  async function ownerAlive(owner: string | null): Promise<boolean> {
    if (!db.pool || !owner || owner === instance) return false;
    const client = await db.pool.connect();
    try {
      const got = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [ownerKey(owner)]);
      if (!got.rows[0]?.ok) return true;
      await client.query('select pg_advisory_unlock(hashtext($1))', [ownerKey(owner)]);
      return false;
    } finally {
      client.release();
    }
  }

  async function target(resourceId: string): Promise<LoadTarget> {
    const row = await kysely
      .selectFrom('catalog_resources as r')
      .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
      .innerJoin('resource_tables as t', 't.resource_id', 'r.id')
      .select(['r.id', 'r.provider_agency_id', 'v.metadata', 't.table_name', 't.identifier_column', 't.encrypted_columns'])
      .where('r.id', '=', resourceId)
      .executeTakeFirst();
    if (!row)
      fail('NOT_FOUND', {
        field: 'resourceId',
        message: { zh: '资源不存在或尚未发布', en: 'The resource does not exist or is not published' },
      });
    const metadata = row.metadata as ResourceMetadata;
    return {
      resourceId: row.id,
      providerAgencyId: row.provider_agency_id,
      name: metadata.name,
      table: row.table_name,
      identifierColumn: row.identifier_column,
      fields: metadata.fields,
      updateFrequency: metadata.updateFrequency,
      layout: storedLayout(row.encrypted_columns),
      wantedLayout: layoutOf(metadata),
      wantedColumns: shapeOf(row.table_name, metadata, layoutOf(metadata)).columns,
    };
  }

  /** The tables behind the reference rules (R12.1), by the referenced resources' codes. */
  async function referenceTargets(rules: QualityRules) {
    const out: {
      column: string;
      targetTable: string;
      targetColumn: string;
      resourceCode: string;
      targetLayout: EncryptedColumn[];
    }[] = [];
    for (const ref of rules.references) {
      const target = await kysely
        .selectFrom('catalog_resources as r')
        .innerJoin('resource_tables as t', 't.resource_id', 'r.id')
        .select(['t.table_name', 't.encrypted_columns'])
        .where('r.code', '=', ref.resourceCode)
        .executeTakeFirst();
      if (target)
        out.push({
          column: ref.column,
          targetTable: target.table_name,
          targetColumn: ref.targetColumn,
          resourceCode: ref.resourceCode,
          targetLayout: storedLayout(target.encrypted_columns),
        });
    }
    return out;
  }

  async function quality(resourceId: string): Promise<QualityConfig> {
    const row = await kysely.selectFrom('quality_settings').selectAll().where('resource_id', '=', resourceId).executeTakeFirst();
    if (!row) return DEFAULT_QUALITY;
    return {
      rules: { ...NO_RULES, ...(row.rules as Partial<QualityRules>) },
      policy: row.policy as QualityConfig['policy'],
      threshold: Number(row.threshold),
    };
  }

  /** Provider agency people load; R8.1: an agency without a data steward cannot submit data. */
  async function assertMayLoad(actor: UserActor, t: LoadTarget): Promise<void> {
    const facts = await loadAgencyFacts(kysely, t.providerAgencyId);
    if (!facts?.hasSteward) throw new DomainError(refuse('STEWARD_REQUIRED'));
    const own = actor.agency?.id === t.providerAgencyId && actor.roles.some((r) => r === 'steward' || r === 'agency_staff');
    if (!own)
      fail('FORBIDDEN', {
        message: { zh: '只有资源提供单位可以汇聚该资源的数据', en: 'Only the providing agency loads data into this resource' },
      });
  }

  async function createBatch(
    ctx: RequestContext,
    t: LoadTarget,
    options: LoadOptions & {
      channel: 'upload' | 'cli' | 'api';
      idempotencyKey?: string | null;
      filePath?: string | null;
      bytesTotal?: number | null;
      owner?: string | null;
    },
  ) {
    if (options.mode === 'upsert' && !t.identifierColumn) {
      fail('VALIDATION_FAILED', {
        field: 'mode',
        message: { zh: '该资源没有标识信息项，不能按标识更新', en: 'The resource has no identifier field: upsert is not possible' },
      });
    }
    return kysely
      .insertInto('load_batches')
      .values({
        resource_id: t.resourceId,
        mode: options.mode,
        channel: options.channel,
        format: options.format,
        encoding: options.encoding ?? null,
        file_name: options.fileName ?? null,
        file_path: options.filePath ?? null,
        idempotency_key: options.idempotencyKey ?? null,
        state: 'queued',
        bytes_total: options.bytesTotal ?? null,
        actor_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        created_at: clock(),
        owner: options.owner ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Problem rows of a batch; sealed when the table encrypts any column (R29.1: they hold the same data). */
  async function insertProblems(
    batch: LoadBatchRow,
    layout: readonly EncryptedColumn[],
    rows: readonly { number: number; problems: readonly unknown[]; raw: Record<string, unknown> }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await kysely
      .insertInto('data_problems')
      .values(
        rows.map((r) => ({
          resource_id: batch.resource_id,
          batch_id: batch.id,
          source: 'load',
          row_number: r.number,
          problems: JSON.stringify(r.problems),
          raw: JSON.stringify(sealRaw(deps.cipher, batch.resource_id, layout, r.raw)),
          state: 'open',
          created_at: clock(),
        })),
      )
      .execute();
  }

  async function finishBatch(
    batch: LoadBatchRow,
    changes: Partial<LoadBatchRow> & { state: string; message?: unknown },
  ): Promise<LoadBatchRow> {
    const { message, ...rest } = changes;
    return kysely
      .updateTable('load_batches')
      .set({
        ...rest,
        ...(message === undefined ? {} : { message: message === null ? null : JSON.stringify(message) }),
        finished_at: clock(),
      })
      .where('id', '=', batch.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Runs a batch over a source of rows; never throws for bad input (the batch records it). */
  async function run(
    ctx: RequestContext,
    batch: LoadBatchRow,
    t: LoadTarget,
    openSource: () => Promise<RowSource>,
    progress?: (rows: number) => void,
  ): Promise<LoadBatchRow> {
    const startedAt = clock();
    // R29.1: a replace load writes the whole table anew, so it follows the grading as it is now (a
    // table created before encryption, or a resource graded up, becomes encrypted); append and
    // upsert keep the layout the existing rows are in.
    const layout = batch.mode === 'replace' ? t.wantedLayout : t.layout;
    const relayout = JSON.stringify(layout) !== JSON.stringify(t.layout);
    await kysely.updateTable('load_batches').set({ state: 'running', started_at: startedAt }).where('id', '=', batch.id).execute();
    const staging = stagingTableOf(t.table, batch.id);
    const config = await quality(t.resourceId);
    let client: PoolClient | null = null;
    try {
      if (db.pool) {
        client = await db.pool.connect();
        // Held for the whole load: a janitor that can take it knows this load is dead.
        await client.query('select pg_advisory_lock(hashtext($1))', [batch.id]);
      }
      const source = await openSource();
      await createStaging(kysely, staging, t.fields, layout);
      const sink = await openSink(db, client, staging, t.fields, layout);
      let counts;
      try {
        counts = await stageRows(
          {
            db,
            batchId: batch.id,
            mode: batch.mode as LoadMode,
            table: t.table,
            identifierColumn: t.identifierColumn,
            fields: t.fields,
            rules: config.rules,
            loadedAt: startedAt,
            source,
            encrypt: rowEncryptor(deps.cipher, t.resourceId, t.fields, layout),
            onProblems: (rows) => insertProblems(batch, layout, rows),
            onProgress: async (rowsRead) => {
              progress?.(rowsRead);
              await kysely.updateTable('load_batches').set({ rows_read: rowsRead }).where('id', '=', batch.id).execute();
            },
          },
          sink,
        );
      } catch (error) {
        await sink.abort();
        throw error;
      }
      progress?.(counts.rowsRead);
      const broken = await removeBrokenReferences(kysely, {
        staging,
        fields: t.fields,
        references: await referenceTargets(config.rules),
        layout,
        decrypt: rowDecryptor(deps.cipher, t.resourceId, t.fields, layout),
      });
      if (broken.length > 0) {
        await insertProblems(batch, layout, broken);
        counts.rowsLoaded -= broken.length;
        counts.rowsQuarantined += broken.length;
      }
      const errorRate = counts.rowsRead === 0 ? 0 : counts.rowsQuarantined / counts.rowsRead;
      if (counts.rowsRead === 0) throw new LoadInputError('文件没有数据行', 'The file has no data rows', 2);
      if (config.policy === 'reject' && errorRate > config.threshold) {
        await dropStaging(kysely, staging);
        const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
        const done = await finishBatch(batch, {
          state: 'rejected',
          rows_read: counts.rowsRead,
          rows_loaded: 0,
          rows_quarantined: counts.rowsQuarantined,
          message: {
            code: 'LOAD_ERROR_RATE',
            zh: `问题行占 ${pct(errorRate)}，超过本资源允许的 ${pct(config.threshold)}，整批未入库；请按问题清单修正后重新汇聚`,
            en: `${pct(errorRate)} of the rows have problems, more than the ${pct(config.threshold)} allowed: nothing was loaded; fix the listed rows and load again`,
          },
        });
        await afterwards(ctx, done, t, 'rejected');
        return done;
      }
      if (batch.mode === 'replace') await indexStaging(kysely, staging, t.identifierColumn, layout);
      const done = await kysely.transaction().execute(async (trx) => {
        const rowCount = await mergeStaging(trx, {
          mode: batch.mode as LoadMode,
          table: t.table,
          staging,
          identifierColumn: t.identifierColumn,
          fields: t.fields,
          batchId: batch.id,
          layout,
        });
        const now = clock();
        await trx
          .updateTable('resource_tables')
          .set({
            row_count: rowCount,
            last_batch_id: batch.id,
            last_loaded_at: now,
            updated_at: now,
            ...(relayout ? { encrypted_columns: JSON.stringify(layout), columns: JSON.stringify(t.wantedColumns) } : {}),
          })
          .where('resource_id', '=', t.resourceId)
          .execute();
        if (batch.mode === 'replace') {
          // The whole data set was replaced: earlier load problems are fixed by this load, to be confirmed (R12.2).
          await trx
            .updateTable('data_problems')
            .set({ state: 'fixed', fixed_batch_id: batch.id, fixed_at: now, resolution: '已整批重新汇聚' })
            .where('resource_id', '=', t.resourceId)
            .where('source', '=', 'load')
            .where('state', '=', 'open')
            .where('batch_id', '!=', batch.id)
            .execute();
        }
        const finished = await trx
          .updateTable('load_batches')
          .set({
            state: 'loaded',
            rows_read: counts.rowsRead,
            rows_loaded: counts.rowsLoaded,
            rows_quarantined: counts.rowsQuarantined,
            finished_at: now,
            file_path: null,
          })
          .where('id', '=', batch.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'data.load',
          subjectType: 'catalog_resource',
          subjectId: t.resourceId,
          details: {
            batchId: batch.id,
            mode: batch.mode,
            channel: batch.channel,
            rowsRead: counts.rowsRead,
            rowsLoaded: counts.rowsLoaded,
            rowsQuarantined: counts.rowsQuarantined,
            rowCount,
            // R29.1: the table was rebuilt with the encryption layout of the current grading.
            ...(relayout ? { encryptedColumns: layout.map((c) => c.code) } : {}),
          },
        });
        return finished;
      });
      // The score reads the whole table: computed after the commit, off the load's path (idle() waits for it).
      track(
        computeQualityScore(kysely, {
          resourceId: t.resourceId,
          table: t.table,
          identifierColumn: t.identifierColumn,
          fields: t.fields,
          updateFrequency: t.updateFrequency,
          layout,
          batchId: batch.id,
          validity: counts.rowsRead === 0 ? 1 : counts.rowsLoaded / counts.rowsRead,
          now: clock(),
        }),
      );
      await afterwards(ctx, done, t, 'loaded');
      return done;
    } catch (error) {
      await dropStaging(kysely, staging).catch(() => undefined);
      if (!(error instanceof LoadInputError) && !(error instanceof DomainError)) throw error;
      const message =
        error instanceof LoadInputError
          ? { code: 'LOAD_INPUT_INVALID', zh: error.zh, en: error.en, row: error.row, column: error.column }
          : { code: error.refusal.code, ...error.refusal.message };
      // Problems recorded before an unreadable part belong to a load that did not happen.
      await kysely.deleteFrom('data_problems').where('batch_id', '=', batch.id).execute();
      const done = await finishBatch(batch, { state: 'failed', message });
      await afterwards(ctx, done, t, 'failed');
      return done;
    } finally {
      if (client) {
        await client.query('select pg_advisory_unlock(hashtext($1))', [batch.id]).catch(() => undefined);
        client.release();
      }
      if (batch.file_path) await rm(batch.file_path, { force: true });
    }
  }

  /** Audit of refused or failed loads, and the provider's notification for every outcome. */
  async function afterwards(
    ctx: RequestContext,
    batch: LoadBatchRow,
    t: LoadTarget,
    outcome: 'loaded' | 'rejected' | 'failed',
  ): Promise<void> {
    await kysely.transaction().execute(async (trx) => {
      if (outcome !== 'loaded') {
        await audit.record(trx, ctx, {
          action: 'data.load',
          subjectType: 'catalog_resource',
          subjectId: t.resourceId,
          outcome: 'failed',
          details: { batchId: batch.id, state: outcome, message: batch.message },
        });
      }
      const title = {
        loaded: { zh: `数据已汇聚：${t.name}`, en: `Data loaded: ${t.name}` },
        rejected: { zh: `数据汇聚被拒绝：${t.name}`, en: `Load rejected: ${t.name}` },
        failed: { zh: `数据汇聚失败：${t.name}`, en: `Load failed: ${t.name}` },
      }[outcome];
      const body =
        outcome === 'loaded'
          ? {
              zh: `入库 ${batch.rows_loaded} 行，问题行 ${batch.rows_quarantined} 行`,
              en: `${batch.rows_loaded} rows loaded, ${batch.rows_quarantined} problem rows`,
            }
          : ((batch.message as { zh: string; en: string } | null) ?? { zh: '', en: '' });
      await insertNotifications(
        trx,
        await agencyRecipients(trx, t.providerAgencyId),
        { kind: `data.load.${outcome}`, title, body: { zh: body.zh, en: body.en }, link: `/data/loads/${batch.id}`, deadlineId: null },
        clock(),
      );
    });
  }

  /**
   * Queues an interrupted web upload again when its file is in this data folder's uploads/: the
   * batch starts over (state queued, counts zero) under the options it was uploaded with. The
   * platform runs it (audited as system work; the upload's own entry names the steward), owned by
   * this process. The claim is one conditional UPDATE: a second janitor over the same rows finds
   * them changed ('taken').
   */
  async function resumeUpload(batch: LoadBatchRow): Promise<'resumed' | 'taken' | 'no'> {
    const file = batch.file_path;
    if (batch.channel !== 'upload' || !file || path.dirname(file) !== uploadsDir) return 'no';
    const present = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    const t = present ? await target(batch.resource_id).catch(() => null) : null;
    if (!t) return 'no';
    await holdOwnerLock();
    const message = {
      code: 'LOAD_RESUMED',
      zh: '服务重启后自动重新汇聚该上传文件',
      en: 'The upload is loaded again after the server restarted',
      claim: randomUUID(),
    };
    const queued = await kysely.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('load_batches')
        .set({
          state: 'queued',
          rows_read: 0,
          rows_loaded: 0,
          rows_quarantined: 0,
          bytes_read: 0,
          started_at: null,
          message: JSON.stringify(message),
          owner: instance,
        })
        .where('id', '=', batch.id)
        .where('state', '=', batch.state)
        .where(sql<boolean>`started_at is not distinct from ${batch.started_at}`)
        .where(sql<boolean>`message is not distinct from ${batch.message === null ? null : JSON.stringify(batch.message)}::jsonb`)
        .returningAll()
        .executeTakeFirst();
      if (!row) return null;
      await audit.record(trx, systemContext(), {
        action: 'data.upload.resume',
        subjectType: 'catalog_resource',
        subjectId: batch.resource_id,
        details: { batchId: batch.id, bytes: batch.bytes_total },
      });
      return row;
    });
    if (!queued) return 'taken';
    const options: LoadOptions = {
      mode: queued.mode as LoadOptions['mode'],
      format: queued.format as LoadOptions['format'],
      encoding: queued.encoding as LoadOptions['encoding'],
      fileName: queued.file_name,
    };
    queue = queue.then(() => run(systemContext(), queued, t, fileSource(file, t, options)).then(() => undefined)).catch(() => undefined);
    return 'resumed';
  }

  function fileSource(filePath: string, t: LoadTarget, options: LoadOptions, counter?: { bytes: number }) {
    return async (): Promise<RowSource> => {
      const handle = await open(filePath, 'r');
      const head = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      await handle.close();
      const stream = createReadStream(filePath, { highWaterMark: 256 * 1024 });
      if (counter) stream.on('data', (chunk: Buffer | string) => (counter.bytes += chunk.length));
      return openRowSource(stream, {
        format: options.format,
        encoding: options.encoding ?? null,
        head: head.subarray(0, bytesRead),
        fields: t.fields,
      });
    };
  }

  return {
    target,
    quality,

    /** CLI: load a file synchronously, reporting progress. */
    async loadFile(
      ctx: RequestContext,
      resourceId: string,
      filePath: string,
      options: LoadOptions,
      progress?: (rows: number, bytes: number, total: number) => void,
    ): Promise<LoadBatchRow> {
      const t = await target(resourceId);
      if (ctx.actor.kind === 'user') await assertMayLoad(ctx.actor, t);
      const size = (await stat(filePath)).size;
      const batch = await createBatch(ctx, t, {
        ...options,
        channel: 'cli',
        bytesTotal: size,
        fileName: options.fileName ?? path.basename(filePath),
      });
      const counter = { bytes: 0 };
      return run(ctx, batch, t, fileSource(filePath, t, options, counter), (rows) => progress?.(rows, counter.bytes, size));
    },

    /** Web upload: the file is streamed to disk, the batch queued and processed in the background. */
    async queueUpload(
      ctx: RequestContext,
      actor: UserActor,
      resourceId: string,
      file: Readable,
      options: LoadOptions,
    ): Promise<LoadBatchRow> {
      const t = await target(resourceId);
      await assertMayLoad(actor, t);
      await mkdir(uploadsDir, { recursive: true });
      await holdOwnerLock();
      const batch = await createBatch(ctx, t, { ...options, channel: 'upload', owner: instance });
      const filePath = path.join(uploadsDir, batch.id);
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(file, counter, createWriteStream(filePath));
      if ((file as Readable & { truncated?: boolean }).truncated) {
        await rm(filePath, { force: true });
        await finishBatch(batch, {
          state: 'failed',
          message: { code: 'LOAD_FILE_TOO_LARGE', zh: '文件超过上传大小限制', en: 'The file exceeds the upload size limit' },
        });
        fail('VALIDATION_FAILED', { field: 'file', message: { zh: '文件超过上传大小限制', en: 'The file exceeds the upload size limit' } });
      }
      const queued = await kysely
        .updateTable('load_batches')
        .set({ file_path: filePath, bytes_total: bytes })
        .where('id', '=', batch.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await kysely.transaction().execute((trx) =>
        audit.record(trx, ctx, {
          action: 'data.upload',
          subjectType: 'catalog_resource',
          subjectId: resourceId,
          details: { batchId: batch.id, bytes, fileName: options.fileName ?? null },
        }),
      );
      queue = queue.then(() => run(ctx, queued, t, fileSource(filePath, t, options)).then(() => undefined)).catch(() => undefined);
      return queued;
    },

    /** Push API: a JSON batch, loaded synchronously; the same idempotency key loads once. */
    async push(
      ctx: RequestContext,
      actor: UserActor,
      resourceId: string,
      input: { idempotencyKey: string; mode: LoadMode; records: readonly Record<string, unknown>[] },
    ): Promise<{ batch: LoadBatchRow; replayed: boolean }> {
      const t = await target(resourceId);
      await assertMayLoad(actor, t);
      const existing = await kysely
        .selectFrom('load_batches')
        .selectAll()
        .where('resource_id', '=', resourceId)
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirst();
      if (existing && existing.state !== 'failed') return { batch: existing, replayed: true };
      if (existing) await kysely.updateTable('load_batches').set({ idempotency_key: null }).where('id', '=', existing.id).execute();
      const batch = await createBatch(ctx, t, { mode: input.mode, format: 'jsonl', channel: 'api', idempotencyKey: input.idempotencyKey });
      const lines = Readable.from(input.records.map((r) => `${JSON.stringify(r)}\n`));
      const done = await run(ctx, batch, t, () => openRowSource(lines, { format: 'jsonl', encoding: 'utf-8', fields: t.fields }));
      return { batch: done, replayed: false };
    },

    async batch(actor: UserActor, id: string): Promise<LoadBatchRow> {
      const row = await kysely.selectFrom('load_batches').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) fail('NOT_FOUND', { field: 'id' });
      const t = await target(row.resource_id);
      if (!authorize(actor, 'catalog.review').ok && actor.agency?.id !== t.providerAgencyId) fail('NOT_FOUND', { field: 'id' });
      return row;
    },

    async batches(actor: UserActor, resourceId: string): Promise<LoadBatchRow[]> {
      const t = await target(resourceId);
      if (!authorize(actor, 'catalog.review').ok && actor.agency?.id !== t.providerAgencyId) fail('FORBIDDEN');
      return kysely
        .selectFrom('load_batches')
        .selectAll()
        .where('resource_id', '=', resourceId)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
    },

    /**
     * Timeliness (R11.1): flags every resource whose data is older than its update frequency
     * allows (counted from the last load, the newest value of its freshness column, or its first
     * publication when it never had data), records the score and notifies its stewards once per
     * lapse. Run by the sweeper.
     */
    async sweepTimeliness(now: Date = clock()): Promise<number> {
      const rows = await kysely
        .selectFrom('resource_tables as t')
        .innerJoin('catalog_resources as r', 'r.id', 't.resource_id')
        .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
        .leftJoin('quality_settings as q', 'q.resource_id', 't.resource_id')
        .select([
          't.resource_id',
          't.table_name',
          't.identifier_column',
          't.encrypted_columns',
          't.last_loaded_at',
          't.overdue_notified_at',
          'r.first_published_at',
          'r.provider_agency_id',
          'v.metadata',
          'q.rules',
        ])
        .execute();
      let flagged = 0;
      for (const row of rows) {
        const metadata = row.metadata as ResourceMetadata;
        const rules = { ...NO_RULES, ...((row.rules as Partial<QualityRules> | null) ?? {}) };
        const since = row.last_loaded_at ?? row.first_published_at;
        if (row.overdue_notified_at && since && row.overdue_notified_at >= since) continue;
        const last = await kysely
          .selectFrom('quality_scores')
          .select('validity')
          .where('resource_id', '=', row.resource_id)
          .orderBy('computed_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        const score = await computeQualityScore(kysely, {
          resourceId: row.resource_id,
          table: row.table_name,
          identifierColumn: row.identifier_column,
          fields: metadata.fields,
          updateFrequency: metadata.updateFrequency,
          layout: storedLayout(row.encrypted_columns),
          batchId: null,
          validity: last?.validity ?? 1,
          now,
          lastLoadedAt: since,
          freshnessColumn: rules.freshnessColumn,
        });
        if (!score.overdue) {
          // Not overdue yet: keep only the scores that say something (history of loads and lapses).
          await kysely.deleteFrom('quality_scores').where('id', '=', score.id).execute();
          continue;
        }
        await kysely.transaction().execute(async (trx) => {
          await trx.updateTable('resource_tables').set({ overdue_notified_at: now }).where('resource_id', '=', row.resource_id).execute();
          await audit.record(trx, systemContext('system'), {
            action: 'data.overdue',
            subjectType: 'catalog_resource',
            subjectId: row.resource_id,
            details: { updateFrequency: metadata.updateFrequency, since: since?.toISOString() ?? null },
          });
          await insertNotifications(
            trx,
            await agencyRecipients(trx, row.provider_agency_id),
            {
              kind: 'data.overdue',
              title: { zh: `数据更新超期：${metadata.name}`, en: `Data overdue: ${metadata.name}` },
              body: {
                zh: `该资源的数据已超过更新周期未更新，请尽快汇聚最新数据（R11.1）`,
                en: 'The data is older than its update frequency allows: load current data (R11.1)',
              },
              link: `/data/${row.resource_id}`,
              deadlineId: null,
            },
            now,
          );
        });
        flagged++;
      }
      return flagged;
    },

    /** Waits until queued uploads and follow-up work are done (tests, CLI, shutdown). */
    async idle(): Promise<void> {
      await queue;
      while (pending.size > 0) await Promise.all([...pending]);
    },

    /** Shutdown after idle(): releases the owner lock's connection. */
    async close(): Promise<void> {
      const client = ownerClient;
      ownerClient = null;
      if (client) await (await client.catch(() => null))?.end().catch(() => undefined);
    },

    /** Takes this process's owner lock (the first upload does) and returns the instance id its queued uploads name. */
    async ownQueue(): Promise<string> {
      await holdOwnerLock();
      return instance;
    },

    /**
     * Start-up janitor: loads that were running when a process died have their staging tables
     * dropped and their partial problems removed; a live load (its advisory lock held by another
     * process) and an upload waiting in a live process's queue (its owner's lock held) are left
     * alone. A web upload whose file is still in this data folder's uploads/ (the server stopped
     * before or during its load, or a restore brought it back) is queued again and runs in the
     * background; any other interrupted load is marked failed. Returns how many were recovered
     * either way.
     */
    async recoverInterrupted(): Promise<number> {
      const stuck = await kysely.selectFrom('load_batches').selectAll().where('state', 'in', ['running', 'queued']).execute();
      let recovered = 0;
      for (const batch of stuck) {
        // An upload waiting in another live process's queue (its owner lock is held).
        if (await ownerAlive(batch.owner)) continue;
        if (db.pool) {
          const client = await db.pool.connect();
          try {
            const free = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtext($1)) as ok', [batch.id]);
            if (!free.rows[0]?.ok) continue;
            await client.query('select pg_advisory_unlock(hashtext($1))', [batch.id]);
          } finally {
            client.release();
          }
        }
        const t = await kysely
          .selectFrom('resource_tables')
          .select('table_name')
          .where('resource_id', '=', batch.resource_id)
          .executeTakeFirst();
        if (t) await dropStaging(kysely, stagingTableOf(t.table_name, batch.id));
        await kysely.deleteFrom('data_problems').where('batch_id', '=', batch.id).execute();
        const resumed = await resumeUpload(batch);
        if (resumed === 'taken') continue;
        if (resumed === 'resumed') {
          recovered++;
          continue;
        }
        await finishBatch(batch, {
          state: 'failed',
          message: {
            code: 'LOAD_INTERRUPTED',
            zh: '汇聚过程被中断（服务重启），数据未改变，请重新汇聚',
            en: 'The load was interrupted (the server restarted): the data is unchanged; run the load again',
          },
        });
        if (batch.file_path) await rm(batch.file_path, { force: true });
        recovered++;
      }
      return recovered;
    },

    authorizeRead(actor: UserActor, t: LoadTarget): void {
      if (authorize(actor, 'catalog.review').ok || actor.agency?.id === t.providerAgencyId) return;
      fail('FORBIDDEN');
    },
  };
}

export type LoadsService = ReturnType<typeof createLoadsService>;
