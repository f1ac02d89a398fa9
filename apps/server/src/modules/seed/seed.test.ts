import { validateCitizenId, validateCreditCode, ROLES, SECTORS } from '@gongshu/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { systemContext } from '../../context.js';
import { seedDemoCity } from './seed.service.js';
import { generatePeople } from './synthetic-people.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

describe('demo city of Tengzhou', () => {
  it('has the bureau, the ten sector authorities, security supervisors, three towns and at least 15 agencies', async () => {
    const agencies = await h.db.selectFrom('agencies').selectAll().execute();
    expect(agencies.length).toBeGreaterThanOrEqual(15);
    expect(agencies.filter((a) => a.kind === 'bureau').map((a) => a.name)).toEqual(['滕州市大数据局']);
    expect(
      agencies
        .map((a) => a.sector_authority_of)
        .filter(Boolean)
        .sort(),
    ).toEqual([...SECTORS].sort());
    expect(
      agencies
        .map((a) => a.security_duty)
        .filter(Boolean)
        .sort(),
    ).toEqual(['cyberspace', 'public_security', 'secrecy']);
    expect(agencies.filter((a) => a.level === 'town').length).toBeGreaterThanOrEqual(3);
    for (const a of agencies) {
      expect(a.responsible_person_name).not.toBe('');
      expect(a.credit_code && validateCreditCode(a.credit_code).ok).toBe(true);
    }
  });

  it('gives every agency a steward and staff, and has one user for every role', async () => {
    const rows = await sql<{ code: string; stewards: number; staff: number }>`
      select a.code,
        count(*) filter (where 'steward' = any(u.roles))::int as stewards,
        count(*) filter (where 'agency_staff' = any(u.roles))::int as staff
      from agencies a left join users u on u.agency_id = a.id group by a.code`.execute(h.db);
    for (const row of rows.rows) expect(row, row.code).toMatchObject({ stewards: 1, staff: 1 });
    const roles = await sql<{ role: string }>`select distinct unnest(roles) as role from users`.execute(h.db);
    expect(roles.rows.map((r) => r.role).sort()).toEqual([...ROLES].sort());
  });

  it('registers synthetic citizens with valid-checksum Tengzhou ID numbers, and a company with a valid credit code', async () => {
    const publicUsers = await h.db.selectFrom('users').selectAll().where('public_kind', 'is not', null).execute();
    const citizens = publicUsers.filter((u) => u.public_kind === 'citizen');
    expect(citizens.length).toBeGreaterThanOrEqual(20);
    for (const c of citizens) {
      expect(c.identity_number?.slice(0, 6)).toBe('370481');
      expect(validateCitizenId(c.identity_number ?? '').ok).toBe(true);
    }
    const company = publicUsers.find((u) => u.public_kind === 'organization');
    expect(validateCreditCode(company?.identity_number ?? '').ok).toBe(true);
  });

  it('is idempotent: running it again adds nothing', async () => {
    const summary = await seedDemoCity(h.services, systemContext('cli'));
    expect(summary).toEqual({ agenciesAdded: 0, usersAdded: 0, alreadySeeded: true });
  });

  it('generates the same people for the same seed, all valid', () => {
    const a = generatePeople(500, 7);
    expect(generatePeople(500, 7)).toEqual(a);
    expect(new Set(a.map((p) => p.citizenId)).size).toBe(500);
    expect(a.every((p) => validateCitizenId(p.citizenId).ok)).toBe(true);
  });
});

describe('demo catalog and history (issue 3 item 7, issue 4 item 6)', () => {
  it(
    'publishes at least 60 entries through the real review workflow, leaving drafts, submissions and change requests',
    { timeout: 120_000 },
    async () => {
      const { seedDemoCatalog } = await import('./demo-catalog-seed.js');
      const summary = await seedDemoCatalog(h.services);
      expect(summary.published).toBeGreaterThanOrEqual(60);
      const states = await h.db.selectFrom('catalog_versions').select(['state', 'kind']).execute();
      const count = (state: string, kind?: string) => states.filter((s) => s.state === state && (!kind || s.kind === kind)).length;
      expect(count('published')).toBe(summary.published);
      expect(count('draft')).toBeGreaterThanOrEqual(3);
      expect(count('submitted', 'initial')).toBeGreaterThanOrEqual(3);
      expect(count('submitted', 'change')).toBeGreaterThanOrEqual(2);
      const search = await h.services.catalog.search(
        { actor: { kind: 'anonymous' }, requestId: null, ip: null, via: 'anonymous' },
        { q: '公交' },
      );
      expect(search.hits.length).toBeGreaterThan(0);
      expect(await seedDemoCatalog(h.services)).toEqual({ published: 0, pending: 0 });
    },
  );

  it(
    'loads synthetic data into every published entry, some overdue and some with problem rows waiting (issue 5 item 7)',
    { timeout: 180_000 },
    async () => {
      const { seedDemoData } = await import('./demo-data.js');
      const summary = await seedDemoData({
        database: h.database,
        db: h.db,
        audit: h.services.audit,
        clock: h.clock,
        dataDir: h.config.dataDir,
        cipher: h.services.fieldCipher,
      });
      const published = await h.db.selectFrom('catalog_resources').select('id').where('current_version_id', 'is not', null).execute();
      const withData = await h.db.selectFrom('resource_tables').select(['resource_id', 'row_count']).where('row_count', '>', 0).execute();
      expect(withData.length).toBe(published.length);
      expect(Math.max(...withData.map((r) => r.row_count))).toBeGreaterThanOrEqual(2000);
      expect(summary.overdue).toBeGreaterThanOrEqual(2);
      expect(summary.withProblems).toBeGreaterThanOrEqual(2);
      expect(await h.services.loads.sweepTimeliness()).toBeGreaterThanOrEqual(summary.overdue);
      const open = await h.db.selectFrom('data_problems').select('id').where('state', '=', 'open').execute();
      expect(open.length).toBeGreaterThanOrEqual(summary.withProblems);
      expect(
        (
          await seedDemoData({
            database: h.database,
            db: h.db,
            audit: h.services.audit,
            clock: h.clock,
            dataDir: h.config.dataDir,
            cipher: h.services.fieldCipher,
          })
        ).loaded,
      ).toBe(0);
    },
  );

  it('seeds rectification orders with overdue, due-soon and closed steps', async () => {
    const { seedDemoWorkflows } = await import('./demo-workflows.js');
    expect(await seedDemoWorkflows(h.services)).toBeGreaterThanOrEqual(5);
    const states = await h.db.selectFrom('deadlines').select('state').where('subject_type', '=', 'rectification_order').execute();
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['open', 'overdue', 'met']));
  });

  it('seeds share requests on every route and state, grants with systems and deliveries (issue 6)', { timeout: 120_000 }, async () => {
    const { seedDemoSharing } = await import('./demo-sharing.js');
    expect(await seedDemoSharing(h.services)).toBeGreaterThanOrEqual(8);
    const requests = await h.db.selectFrom('share_requests').select(['route', 'state', 'filed_by_bureau']).execute();
    expect(new Set(requests.map((r) => r.route))).toEqual(new Set(['unconditional', 'conditional', 'demand', 'upper_level']));
    expect(new Set(requests.map((r) => r.state))).toEqual(
      new Set(['formal_review', 'provider_review', 'provider_answer', 'escalated', 'granted', 'consultation']),
    );
    expect(requests.some((r) => r.filed_by_bureau)).toBe(true);
    const overdue = await h.db
      .selectFrom('deadlines')
      .select('id')
      .where('subject_type', '=', 'share_request')
      .where('state', '=', 'overdue')
      .execute();
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    const deliveries = await h.db.selectFrom('deliveries').select('id').execute();
    expect(deliveries.length).toBeGreaterThanOrEqual(5);
    expect(await seedDemoSharing(h.services)).toBe(0);
    expect((await h.services.audit.verify(h.db)).ok).toBe(true);
  });
});
