/**
 * Test helpers of the open channel: open resources published through the real workflow and loaded
 * with institutions, an open grant inserted as rows (the open-grants service makes them in the product), and a
 * small published derivative table (the derivatives service materializes them in the product).
 */
import { randomBytes } from 'node:crypto';
import type { ResourceMetadata, UserActor } from '@gongshu/domain';
import { sql } from 'kysely';
import { buildField } from '../../../../../packages/domain/src/catalog/catalog.fixtures.js';
import type { Harness } from '../../../test/harness.js';
import { publishResource, tempFile } from '../aggregation/aggregation.fixtures.js';
import { openAttributes } from '../ckan/open-catalog.fixtures.js';
import { demoActors } from '../seed/demo-actors.js';

/** Institutions: public fields, a phone number (sensitive, masked) and a number and a date. */
export const OPEN_FIELDS = [
  buildField({ code: 'jgdm', name: '机构代码', length: 20, sensitivity: 'public' }),
  buildField({ code: 'jgmc', name: '机构名称', length: 100, sensitivity: 'public' }),
  buildField({ code: 'lxdh', name: '联系电话', length: 20, required: false }),
  buildField({ code: 'rs', name: '从业人数', dataType: 'integer', length: 10, sensitivity: 'public', required: false }),
  buildField({ code: 'clrq', name: '成立日期', dataType: 'date', length: null, sensitivity: 'public', required: false }),
];

export function institutionsCsv(n: number): string {
  const lines = ['机构代码,机构名称,联系电话,从业人数,成立日期'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `JG${String(i).padStart(5, '0')},滕州市第${i}培训学校,1390000${String(i).padStart(4, '0')},${10 + i},2010-0${1 + (i % 9)}-1${i % 10}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Publishes an open resource of hrss with OPEN_FIELDS (and the overrides) and loads `rows` institutions. */
export async function openResource(
  h: Harness,
  type: 'unconditional' | 'conditional',
  rows: number,
  overrides: Partial<ResourceMetadata> = {},
): Promise<{ resourceId: string; code: string; table: string }> {
  const published = await publishResource(h, 'hrss', {
    ...openAttributes(type),
    fields: OPEN_FIELDS,
    name: `培训机构名录${type}`,
    ...overrides,
  });
  const steward = await demoActors(h.db)('hrss-steward');
  const file = await tempFile(`open-${randomBytes(3).toString('hex')}.csv`, institutionsCsv(rows));
  const batch = await h.services.loads.loadFile(steward, published.resourceId, file, { mode: 'replace', format: 'csv' });
  if (batch.state !== 'loaded') throw new Error(`fixture load failed: ${JSON.stringify(batch.message)}`);
  await h.services.loads.idle();
  return published;
}

/** Inserts an open grant (with the application it comes from) of the resource to the user. */
export async function insertOpenGrant(
  h: Harness,
  username: string,
  resourceId: string,
  o: { fields: string[]; state?: 'active' | 'suspended' | 'revoked'; validFrom?: Date; validTo?: Date },
): Promise<{ id: string; number: string; userId: string }> {
  const user = await h.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const resource = await h.db
    .selectFrom('catalog_resources')
    .select('provider_agency_id')
    .where('id', '=', resourceId)
    .executeTakeFirstOrThrow();
  const at = new Date('2026-01-05T00:00:00+08:00');
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const application = await h.db
    .insertInto('open_applications')
    .values({
      number: `KS2026${suffix}`,
      route: 'conditional',
      state: 'granted',
      applicant_user_id: user.id,
      resource_id: resourceId,
      provider_agency_id: resource.provider_agency_id,
      title: '研究用途',
      fields: JSON.stringify(o.fields),
      purpose: '就业培训研究',
      commitments: JSON.stringify(['lawfulUse', 'protection', 'usageReports', 'citation']),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const number = `KG2026${suffix}`;
  const grant = await h.db
    .insertInto('open_grants')
    .values({
      number,
      application_id: application.id,
      user_id: user.id,
      resource_id: resourceId,
      provider_agency_id: resource.provider_agency_id,
      fields: JSON.stringify(o.fields),
      purpose: '就业培训研究',
      valid_from: o.validFrom ?? at,
      valid_to: o.validTo ?? new Date('2026-12-31T00:00:00+08:00'),
      state: o.state ?? 'active',
      report_every_months: 6,
      watermark_key: randomBytes(32).toString('base64url'),
      citation: `开放授权 ${number}`,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: grant.id, number, userId: user.id };
}

/** A published derivative of the resource: a text table in resource_data with jgmc and rs (lxdh dropped). */
export async function publishedDerivative(h: Harness, resourceId: string, rows: number): Promise<{ id: string; table: string }> {
  const table = `derived_${randomBytes(4).toString('hex')}`;
  await sql.raw(`create table resource_data.${table} (jgmc text, rs text)`).execute(h.db);
  for (let i = 0; i < rows; i++) {
    await sql`insert into resource_data.${sql.raw(table)} (jgmc, rs) values (${`培训学校${i}`}, ${i % 2 ? '10-19' : '20-29'})`.execute(
      h.db,
    );
  }
  const d = await h.db
    .insertInto('open_derivatives')
    .values({
      resource_id: resourceId,
      name: '培训机构规模（去标识化）',
      transforms: JSON.stringify({
        fields: [
          { code: 'jgmc', name: '机构名称', dataType: 'string', action: 'keep' },
          { code: 'lxdh', name: '联系电话', dataType: 'string', action: 'drop' },
          { code: 'rs', name: '从业人数', dataType: 'integer', action: 'generalize', rule: { kind: 'band', width: 10 } },
        ],
      }),
      quasi_identifiers: JSON.stringify(['rs']),
      k: 5,
      basis: 'k_anonymity',
      state: 'published',
      table_name: table,
      rows,
      created_at: new Date('2026-01-05T00:00:00+08:00'),
      published_at: new Date('2026-01-06T00:00:00+08:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: d.id, table };
}

/** An API key of a demo user: its id and the bearer header to call with. */
export async function keyOf(h: Harness, username: string): Promise<{ id: string; headers: Record<string, string> }> {
  const ctx = await demoActors(h.db)(username);
  const created = await h.services.auth.createApiKey(ctx, ctx.actor as UserActor, `${username} open`, 365);
  return { id: created.key.id, headers: { authorization: `Bearer ${created.secret}` } };
}
