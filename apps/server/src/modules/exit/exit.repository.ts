/** Reads and writes of the one exit: grants with their keys and resource, delivery rows, trace look-ups. */
import type { MaskKind, ResourceMetadata } from '@gongshu/domain';
import type { Executor } from '../../db/executor.js';
import { storedLayout, type EncryptedColumn } from '../encryption/encryption-layout.js';

export interface GrantRecord {
  readonly id: string;
  readonly number: string;
  readonly consumerAgencyId: string;
  readonly providerAgencyId: string;
  readonly resourceId: string;
  readonly fields: string[];
  readonly state: string;
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly watermarkKey: string;
  readonly citation: string;
  readonly apiKeyIds: string[];
  /** The resource's data table, null before its first publication created one. */
  readonly table: {
    readonly name: string;
    readonly identifierColumn: string | null;
    readonly loaded: boolean;
    /** Columns encrypted at rest (R29.1): decrypted after fetching, before masking. */
    readonly layout: readonly EncryptedColumn[];
  } | null;
  /** The metadata of the resource's published version (field specs, security level). */
  readonly metadata: ResourceMetadata | null;
  /** Per-field mask overrides chosen at approval (R29.1); absent or {} = the fields' defaults. */
  readonly masks?: Readonly<Record<string, MaskKind>>;
}

/** A grant with everything the exit needs to decide and deliver (three queries; the result is cached). */
export async function loadGrant(db: Executor, grantId: string): Promise<GrantRecord | null> {
  const grant = await db
    .selectFrom('share_grants as g')
    .innerJoin('catalog_resources as r', 'r.id', 'g.resource_id')
    .leftJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .leftJoin('resource_tables as t', 't.resource_id', 'g.resource_id')
    .select([
      'g.id',
      'g.number',
      'g.consumer_agency_id',
      'g.provider_agency_id',
      'g.resource_id',
      'g.fields',
      'g.state',
      'g.valid_from',
      'g.valid_to',
      'g.watermark_key',
      'g.citation',
      'g.field_masks',
      'v.metadata',
      't.table_name',
      't.identifier_column',
      't.last_loaded_at',
      't.encrypted_columns',
    ])
    .where('g.id', '=', grantId)
    .executeTakeFirst();
  if (!grant) return null;
  const keys = await db.selectFrom('share_grant_keys').select('api_key_id').where('grant_id', '=', grantId).execute();
  return {
    id: grant.id,
    number: grant.number,
    consumerAgencyId: grant.consumer_agency_id,
    providerAgencyId: grant.provider_agency_id,
    resourceId: grant.resource_id,
    fields: grant.fields,
    state: grant.state,
    validFrom: grant.valid_from,
    validTo: grant.valid_to,
    watermarkKey: grant.watermark_key,
    citation: grant.citation,
    apiKeyIds: keys.map((k) => k.api_key_id),
    table: grant.table_name
      ? {
          name: grant.table_name,
          identifierColumn: grant.identifier_column,
          loaded: grant.last_loaded_at !== null,
          layout: storedLayout(grant.encrypted_columns),
        }
      : null,
    metadata: (grant.metadata as ResourceMetadata | null) ?? null,
    masks: grant.field_masks,
  };
}

export interface NewDelivery {
  readonly id: string;
  /** Share channel: the share grant. Null on the open channel. */
  readonly grant_id: string | null;
  /** 'share' (default) or 'open' (to the public, R19.1, R19.2). */
  readonly channel?: 'share' | 'open';
  /** Open channel: the resource delivered, and the open grant or derivative it went under. */
  readonly resource_id?: string | null;
  readonly open_grant_id?: string | null;
  readonly derivative_id?: string | null;
  readonly kind: 'lookup' | 'query' | 'extract';
  readonly format: string | null;
  readonly via: string;
  readonly api_key_id: string | null;
  readonly user_id: string | null;
  readonly at: Date;
  readonly rows: number;
  readonly fields: readonly string[];
  readonly parameters: Record<string, unknown>;
  readonly request_id: string | null;
  /** Null while an extract streams. */
  readonly completed_at: Date | null;
}

/** Inserts delivery rows in one statement; returns each id with the serial it drew. */
export async function insertDeliveries(trx: Executor, rows: readonly NewDelivery[]): Promise<Map<string, number>> {
  if (rows.length === 0) return new Map();
  const inserted = await trx
    .insertInto('deliveries')
    .values(rows.map((r) => ({ ...r, fields: JSON.stringify(r.fields), parameters: JSON.stringify(r.parameters) })))
    .returning(['id', 'serial'])
    .execute();
  return new Map(inserted.map((r) => [r.id, r.serial]));
}

export async function setDeliveryFingerprint(trx: Executor, id: string, fingerprint: string): Promise<void> {
  await trx.updateTable('deliveries').set({ fingerprint }).where('id', '=', id).execute();
}

/** The end of a streamed extract: how many rows went out, and whether it was complete. */
export async function finishDelivery(db: Executor, id: string, rows: number, completedAt: Date | null): Promise<void> {
  await db.updateTable('deliveries').set({ rows, completed_at: completedAt }).where('id', '=', id).execute();
}

/** A delivery with its grant, agencies, resource and caller, for `gongshu trace`. */
export async function findTracedDelivery(db: Executor, serial: number) {
  return db
    .selectFrom('deliveries as d')
    .innerJoin('share_grants as g', 'g.id', 'd.grant_id')
    .innerJoin('agencies as c', 'c.id', 'g.consumer_agency_id')
    .innerJoin('agencies as p', 'p.id', 'g.provider_agency_id')
    .innerJoin('catalog_resources as r', 'r.id', 'g.resource_id')
    .leftJoin('catalog_search as s', 's.resource_id', 'g.resource_id')
    .leftJoin('users as u', 'u.id', 'd.user_id')
    .leftJoin('api_keys as k', 'k.id', 'd.api_key_id')
    .select([
      'd.id',
      'd.serial',
      'd.kind',
      'd.format',
      'd.via',
      'd.at',
      'd.rows',
      'd.fields as delivered_fields',
      'd.completed_at',
      'd.request_id',
      'd.fingerprint',
      'g.id as grant_id',
      'g.number as grant_number',
      'g.fields as granted_fields',
      'g.purpose',
      'g.state as grant_state',
      'g.valid_from',
      'g.valid_to',
      'g.watermark_key',
      'c.name as consumer_name',
      'c.code as consumer_code',
      'p.name as provider_name',
      'r.code as resource_code',
      's.name as resource_name',
      'u.username',
      'u.display_name',
      'k.name as api_key_name',
      'k.prefix as api_key_prefix',
    ])
    .where('d.serial', '=', serial)
    .executeTakeFirst();
}

export type TracedDelivery = NonNullable<Awaited<ReturnType<typeof findTracedDelivery>>>;
