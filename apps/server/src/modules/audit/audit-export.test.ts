/**
 * The audit search by resource and by grant, and its export (R29.1, issue 8 item 4), on the real
 * database through the HTTP API.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_EXPORT_CAP, type AuditEntry } from '@gongshu/contracts';
import { createHarness, type Harness, type SignedIn } from '../../../test/harness.js';
import { systemContext } from '../../context.js';
import { publishResource } from '../aggregation/aggregation.fixtures.js';
import { insertGrant } from '../exit/exit.fixtures.js';
import { auditSearchQuery } from './audit.repository.js';

let h: Harness;
let supervisor: SignedIn;
let resourceId: string;
let grantId: string;
const openGrantId = randomUUID();

beforeAll(async () => {
  h = await createHarness();
  ({ resourceId } = await publishResource(h, 'hrss'));
  ({ id: grantId } = await insertGrant(h, resourceId));
  // Entries as the exit, the open channel and the share workflow write them.
  await h.db.transaction().execute(async (trx) => {
    const ctx = systemContext();
    for (let i = 0; i < 3; i++) {
      await h.services.audit.record(trx, ctx, {
        action: 'exit.lookup',
        subjectType: 'share_grant',
        subjectId: grantId,
        details: { deliveryId: randomUUID(), resourceId, rows: 1, fields: ['xm', 'note,"quoted"\nline'] },
      });
    }
    await h.services.audit.record(trx, ctx, {
      action: 'open.query',
      subjectType: 'catalog_resource',
      subjectId: resourceId,
      details: { resourceId, openGrantId, rows: 10 },
    });
    await h.services.audit.record(trx, ctx, {
      action: 'share.request.file',
      subjectType: 'share_request',
      subjectId: randomUUID(),
      details: { resource: resourceId },
    });
    await h.services.audit.record(trx, ctx, {
      action: 'share.grant.suspend',
      subjectType: 'share_grant',
      subjectId: grantId,
      details: { reason: '测试' },
    });
    await h.services.audit.record(trx, ctx, {
      action: 'exit.lookup',
      subjectType: 'share_grant',
      subjectId: randomUUID(),
      details: { resourceId: randomUUID() },
    });
  });
  supervisor = await h.signIn('police-security');
}, 120_000);
afterAll(async () => h.close());

async function search(query: string): Promise<AuditEntry[]> {
  const res = await h.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: supervisor.headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ entries: AuditEntry[] }>().entries;
}

describe('audit search by resource and grant (R29.1)', () => {
  it('finds the entries whose subject or details name the resource', async () => {
    const entries = await search(`resourceId=${resourceId}`);
    // Its publication (subject catalog_resource), the deliveries (details.resourceId), the request (details.resource).
    expect(entries.map((e) => e.action).sort()).toEqual([
      'catalog.draft.create',
      'catalog.publish',
      'catalog.submit',
      'exit.lookup',
      'exit.lookup',
      'exit.lookup',
      'open.query',
      'share.request.file',
    ]);
  });

  it('finds the entries whose subject or details name the grant, share or open', async () => {
    const share = await search(`grantId=${grantId}`);
    expect(share.map((e) => e.action).sort()).toEqual(['exit.lookup', 'exit.lookup', 'exit.lookup', 'share.grant.suspend']);
    const open = await search(`grantId=${openGrantId}`);
    expect(open.map((e) => e.action)).toEqual(['open.query']);
  });

  it('combines them with the other filters and pages', async () => {
    const first = await h.app.inject({
      method: 'GET',
      url: `/api/audit?resourceId=${resourceId}&action=exit.*&limit=2`,
      headers: supervisor.headers,
    });
    const page = first.json<{ entries: AuditEntry[]; nextBeforeSeq: number }>();
    expect(page.entries).toHaveLength(2);
    const rest = await search(`resourceId=${resourceId}&action=exit.*&beforeSeq=${page.nextBeforeSeq}`);
    expect(rest).toHaveLength(1);
  });
});

describe('audit search plans', () => {
  it('reads the resource and grant filters from their indexes, not by scanning the trail', async () => {
    const plan = async (filter: { resourceId?: string; grantId?: string }) =>
      h.db.transaction().execute(async (trx) => {
        // The demo trail is small: forbid the sequential scan to see which indexes the filter can use.
        await sql`set local enable_seqscan = off`.execute(trx);
        const q = auditSearchQuery(trx, { ...filter, limit: 100 }).compile();
        const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]));
        return result.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    const byResource = await plan({ resourceId });
    expect(byResource).toContain('audit_log_resource_ref_idx');
    expect(byResource).toContain('audit_log_subject_idx');
    expect(byResource).not.toMatch(/Seq Scan on audit_log/);
    const byGrant = await plan({ grantId });
    expect(byGrant).toContain('audit_log_grant_ref_idx');
    expect(byGrant).not.toMatch(/Seq Scan on audit_log/);
  });
});

describe('audit export (R29.1)', () => {
  it('streams the search as CSV with a BOM, one header, the matching entries and the cap; and audits the export', async () => {
    const expected = await search(`resourceId=${resourceId}`);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/audit/export?format=csv&resourceId=${resourceId}`,
      headers: supervisor.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{8}T\d{6}\.csv"$/);
    const body = res.rawPayload;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    // A quoted value may span lines; the entries start with their seq.
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^序号 seq,时间 at,操作人 actor,/);
    const seqs = lines.filter((l) => /^\d+,/.test(l)).map((l) => Number(l.split(',')[0]));
    expect(seqs).toEqual(expected.map((e) => e.seq));
    const trailer = lines.at(-1) ?? '';
    expect(trailer).toContain(`# 导出 exported`);
    expect(trailer).toContain(`条数 entries: ${expected.length}`);
    expect(trailer).toContain(String(AUDIT_EXPORT_CAP));
    // Details hold commas and quotes: quoted, quotes doubled.
    expect(text).toContain('note,\\""quoted\\""');

    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'audit.export')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_label: 'police-security', subject_type: 'audit_log', outcome: 'ok' });
    expect(entry.details).toMatchObject({
      filter: { resourceId },
      format: 'csv',
      rows: expected.length,
      truncated: false,
      cap: AUDIT_EXPORT_CAP,
    });
  });

  it('streams XLSX with the same entries and an about sheet', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/audit/export?format=xlsx&grantId=${grantId}`, headers: supervisor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(1 + 4);
    expect(sheet?.getRow(2).getCell(6).value).toBe('share.grant.suspend');
    const about = workbook.worksheets[1];
    expect(about?.getRow(3).getCell(2).value).toBe('4');
  });

  it('is refused to a user without audit.read, and the refusal audited', async () => {
    const reviewer = await h.signIn('reviewer');
    const res = await h.app.inject({ method: 'GET', url: `/api/audit/export?format=csv`, headers: reviewer.headers });
    expect(res.statusCode).toBe(403);
    const denied = await h.db
      .selectFrom('audit_log')
      .select('outcome')
      .where('action', '=', 'access.denied')
      .where('actor_label', '=', 'reviewer')
      .executeTakeFirstOrThrow();
    expect(denied.outcome).toBe('denied');
  });
});
