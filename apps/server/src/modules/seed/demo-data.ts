/**
 * Demo data (issue 5 item 7): every published demo resource gets synthetic rows generated from its
 * fields (valid-checksum citizen IDs and credit codes, names, phones, addresses, dates; never real
 * people or companies), loaded through the real pipeline. A few resources are loaded with a clock
 * set back so they are overdue against their update frequency, and a few loads carry bad rows that
 * wait as problem rows for their provider (R12.2).
 */
import { makeCreditCode, type FieldSpec, type ResourceMetadata } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../context.js';
import type { Db } from '../../db/connect.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { createLoadsService } from '../aggregation/loads.service.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { demoActors } from './demo-actors.js';
import { generatePeople, seededRandom } from './synthetic-people.js';

const STREETS = ['荆河', '北辛', '善南', '龙泉', '洪绪', '东沙河', '官桥', '柴胡店'];
const ORGS = ['鲁南数智', '善国科技', '微山湖物流', '墨子文化', '龙泉商贸', '荆河建设', '北辛医药', '东沙河农业'];
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function rowsFor(fields: readonly FieldSpec[]): number {
  if (fields.some((f) => f.identifierRole === 'citizen_id')) return 2000;
  if (fields.some((f) => f.identifierRole === 'credit_code')) return 600;
  return 150;
}

/** One synthetic value for a field, by its identifier role, type and name. */
function valueFor(
  field: FieldSpec,
  i: number,
  random: () => number,
  person: { name: string; citizenId: string; birthDate: string; phone: string } | undefined,
): unknown {
  const cut = (s: string) => (field.length ? [...s].slice(0, field.length).join('') : s);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const name = field.name;
  switch (field.identifierRole) {
    case 'citizen_id':
      return person?.citizenId;
    case 'credit_code': {
      let body = '91370481MA';
      for (let k = 0; k < 7; k++) body += CHARSET[Math.floor(random() * CHARSET.length)];
      return makeCreditCode(body);
    }
    case 'other_code':
      return cut(`${field.code.toUpperCase()}${String(100000 + i)}`);
    case 'none':
      break;
  }
  switch (field.dataType) {
    case 'integer':
      return Math.floor(random() * (/年龄/.test(name) ? 90 : 1000));
    case 'decimal':
      return /经度/.test(name)
        ? (117.05 + random() * 0.3).toFixed(6)
        : /纬度/.test(name)
          ? (34.95 + random() * 0.25).toFixed(6)
          : (random() * 10000).toFixed(2);
    case 'date':
      return /出生/.test(name) && person
        ? person.birthDate
        : `${2015 + Math.floor(random() * 11)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    case 'datetime':
      return `2026-${String(1 + Math.floor(random() * 10)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')} ${String(8 + Math.floor(random() * 10)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00`;
    case 'boolean':
      return random() < 0.7;
    case 'string':
      break;
  }
  if (/姓名|联系人|负责人|法定代表人/.test(name)) return cut(person?.name ?? `张${i}`);
  if (/电话|手机/.test(name)) return cut(person?.phone ?? `0632-${String(5500000 + i)}`);
  if (/地址|住址|位置/.test(name)) return cut(`滕州市${pick(STREETS)}街道${1 + Math.floor(random() * 300)}号`);
  if (/性别/.test(name)) return cut(person ? (Number(person.citizenId[16]) % 2 === 1 ? '男' : '女') : pick(['男', '女']));
  if (/名称|单位|企业|机构|学校|医院/.test(name)) return cut(`滕州市${pick(ORGS)}${pick(['有限公司', '中心', '服务站', '合作社'])}${i}`);
  if (/状态/.test(name)) return cut(pick(['正常', '有效', '注销', '停用']));
  if (/类型|类别|等级|分类/.test(name)) return cut(pick(['一类', '二类', '三类', 'A', 'B']));
  return cut(`${name}${i + 1}`);
}

function recordsFor(metadata: ResourceMetadata, seed: number): Record<string, unknown>[] {
  const random = seededRandom(seed);
  const count = rowsFor(metadata.fields);
  const people = metadata.fields.some((f) => f.identifierRole === 'citizen_id' || /姓名/.test(f.name)) ? generatePeople(count, seed) : [];
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(metadata.fields.map((f) => [f.code, valueFor(f, i, random, people[i])])),
  );
}

/** Rows that a provider must correct: a wrong check character and an impossible date (R11.2, R12.2). */
function withProblems(records: Record<string, unknown>[], metadata: ResourceMetadata): Record<string, unknown>[] {
  const id = metadata.fields.find((f) => f.identifierRole === 'citizen_id' || f.identifierRole === 'credit_code');
  const date = metadata.fields.find((f) => f.dataType === 'date');
  const out = [...records];
  for (let k = 0; k < 4 && k < out.length; k++) {
    const bad = { ...out[k * 7] };
    if (id && typeof bad[id.code] === 'string')
      bad[id.code] = `${(bad[id.code] as string).slice(0, 17)}${(bad[id.code] as string).endsWith('0') ? '1' : '0'}`;
    else if (date) bad[date.code] = '2026-02-30';
    out.push(bad);
  }
  return out;
}

export async function seedDemoData(deps: {
  database: Db;
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  dataDir: string;
  /** Level-3+ demo resources are loaded encrypted, through the same pipeline (R29.1). */
  cipher: FieldCipher;
}): Promise<{ loaded: number; overdue: number; withProblems: number }> {
  const { db, audit, clock } = deps;
  const resources = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
    .innerJoin('resource_tables as t', 't.resource_id', 'r.id')
    .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
    .select(['r.id', 'r.code', 'v.metadata', 'a.code as agency', 't.last_batch_id'])
    .orderBy('r.code')
    .execute();
  const as = demoActors(db);
  let loaded = 0;
  let overdue = 0;
  let problems = 0;
  for (const [index, r] of resources.entries()) {
    if (r.last_batch_id) continue; // idempotent: resources with data are left alone
    const metadata = r.metadata as ResourceMetadata;
    const steward = await as(`${r.agency}-steward`);
    if (steward.actor.kind !== 'user') continue;
    // Every seventh monthly-or-slower resource was last loaded long ago: overdue (R11.1).
    const stale = index % 7 === 3 && ['monthly', 'quarterly', 'weekly'].includes(metadata.updateFrequency);
    const flawed = index % 11 === 5;
    const at = stale ? new Date(clock().getTime() - 200 * 86_400_000) : clock();
    const loads = createLoadsService({ db: deps.database, audit, clock: () => new Date(at), dataDir: deps.dataDir, cipher: deps.cipher });
    if (flawed) {
      await db
        .insertInto('quality_settings')
        .values({
          resource_id: r.id,
          owner_user_id: steward.actor.userId,
          rules: JSON.stringify({}),
          policy: 'quarantine',
          threshold: 0.05,
          updated_at: clock(),
        })
        .onConflict((oc) => oc.column('resource_id').doNothing())
        .execute();
    }
    const base = recordsFor(metadata, 20261127 + index);
    const { batch } = await loads.push(steward, steward.actor, r.id, {
      idempotencyKey: `demo-${r.code ?? r.id}`,
      mode: 'replace',
      records: flawed ? withProblems(base, metadata) : base,
    });
    await loads.idle();
    if (batch.state === 'loaded') loaded++;
    if (stale) overdue++;
    if (flawed && batch.rows_quarantined > 0) problems++;
  }
  return { loaded, overdue, withProblems: problems };
}
