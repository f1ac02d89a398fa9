/**
 * Test helpers of the exit: a published resource with fields of every mask, loaded with synthetic
 * people, and grants inserted as rows (until the grants service makes them, a grant is only rows).
 */
import { randomBytes } from 'node:crypto';
import type { UserActor } from '@gongshu/domain';
import { makeCitizenId } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { buildField } from '../../../../../packages/domain/src/catalog/catalog.fixtures.js';
import type { Database } from '../../db/schema.js';
import type { Services } from '../../services.js';
import { publishResource, tempFile } from '../aggregation/aggregation.fixtures.js';
import { demoActors } from '../seed/demo-actors.js';

export interface Platform {
  readonly db: Kysely<Database>;
  readonly services: Services;
}

/** One field per mask at security level 3 (see domain/masking defaultMask). */
export const EXIT_FIELDS = [
  buildField({ code: 'sfzh', name: '公民身份号码', identifierRole: 'citizen_id', length: 18, required: true }),
  buildField({ code: 'xm', name: '姓名', length: 20 }),
  buildField({ code: 'xb', name: '性别', length: 4, sensitivity: 'public', required: false }),
  buildField({ code: 'csrq', name: '出生日期', dataType: 'date', length: null, required: false }),
  buildField({ code: 'lxdh', name: '联系电话', length: 20, required: false }),
  buildField({ code: 'zz', name: '住址', length: 100, required: false }),
  buildField({ code: 'sr', name: '月收入', dataType: 'decimal', length: 12, required: false, sensitivity: 'internal' }),
  buildField({ code: 'bz', name: '备注', length: 100, required: false, sensitivity: 'highly_sensitive' }),
];

export function citizen(i: number): string {
  return makeCitizenId('370481', `19${String(50 + (i % 50)).padStart(2, '0')}0${1 + (i % 9)}1${i % 10}`, i % 1000);
}

export function peopleCsv(n: number): string {
  const lines = ['公民身份号码,姓名,性别,出生日期,联系电话,住址,月收入,备注'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `${citizen(i)},张${i},${i % 2 ? '男' : '女'},1980-0${1 + (i % 9)}-1${i % 10},1380000${String(i).padStart(4, '0')},滕州市荆河街道学院路${i}号,${1000 + i}.50,备注${i}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Publishes a resource of hrss with EXIT_FIELDS and loads `rows` people into it. */
export async function loadedResource(p: Platform, rows: number): Promise<{ resourceId: string; table: string }> {
  const { resourceId, table } = await publishResource(p, 'hrss', { fields: EXIT_FIELDS });
  const steward = await demoActors(p.db)('hrss-steward');
  const file = await tempFile(`exit-${randomBytes(3).toString('hex')}.csv`, peopleCsv(rows));
  const batch = await p.services.loads.loadFile(steward, resourceId, file, { mode: 'replace', format: 'csv' });
  if (batch.state !== 'loaded') throw new Error(`fixture load failed: ${JSON.stringify(batch.message)}`);
  await p.services.loads.idle();
  return { resourceId, table };
}

let grantSeq = 0;

export interface GrantOverrides {
  consumer?: string;
  fields?: string[];
  state?: 'active' | 'suspended' | 'revoked';
  validFrom?: Date;
  validTo?: Date;
  apiKeyIds?: string[];
}

/** Inserts a grant of the resource to the consumer agency (default civil), with its registered keys. */
export async function insertGrant(p: Platform, resourceId: string, o: GrantOverrides = {}): Promise<{ id: string; number: string }> {
  const consumer = await p.db
    .selectFrom('agencies')
    .select('id')
    .where('code', '=', o.consumer ?? 'civil')
    .executeTakeFirstOrThrow();
  const resource = await p.db
    .selectFrom('catalog_resources')
    .select(['provider_agency_id', 'code'])
    .where('id', '=', resourceId)
    .executeTakeFirstOrThrow();
  const number = `SQ2026${String(++grantSeq).padStart(4, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;
  const grant = await p.db
    .insertInto('share_grants')
    .values({
      number,
      consumer_agency_id: consumer.id,
      provider_agency_id: resource.provider_agency_id,
      resource_id: resourceId,
      fields: JSON.stringify(o.fields ?? ['sfzh', 'xm', 'xb', 'csrq', 'lxdh', 'zz', 'sr', 'bz']),
      purpose: '低保资格核验',
      valid_from: o.validFrom ?? new Date('2026-01-01T00:00:00+08:00'),
      valid_to: o.validTo ?? new Date('2026-12-31T00:00:00+08:00'),
      state: o.state ?? 'active',
      watermark_key: randomBytes(32).toString('base64url'),
      citation: `数据来源：滕州市公共数据平台，${resource.code ?? ''}，授权 ${number}`,
      created_at: new Date('2026-01-01T00:00:00+08:00'),
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  for (const key of o.apiKeyIds ?? []) await p.db.insertInto('share_grant_keys').values({ grant_id: grant.id, api_key_id: key }).execute();
  return grant;
}

/** An API key of a demo user: its id and the bearer header to call with. */
export async function apiKeyOf(p: Platform, username: string): Promise<{ id: string; headers: Record<string, string> }> {
  const ctx = await demoActors(p.db)(username);
  const created = await p.services.auth.createApiKey(ctx, ctx.actor as UserActor, `${username} system`, 365);
  return { id: created.key.id, headers: { authorization: `Bearer ${created.secret}` } };
}
