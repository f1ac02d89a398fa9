import { sql } from 'kysely';
import type { AgencyKind } from '@gongshu/domain';
import type { Executor } from '../../db/executor.js';
import type { AgencyRow, AgencyUpdate, NewAgency } from '../../db/schema.js';

export interface AgencyListRow extends AgencyRow {
  steward_count: number;
  user_count: number;
}

function listQuery(db: Executor) {
  return db
    .selectFrom('agencies')
    .selectAll('agencies')
    .select([
      sql<number>`(select count(*) from users s where s.agency_id = agencies.id and 'steward' = any(s.roles) and not s.disabled)::int`.as(
        'steward_count',
      ),
      sql<number>`(select count(*) from users u where u.agency_id = agencies.id)::int`.as('user_count'),
    ]);
}

export async function listAgencyRows(db: Executor, filter: { sector?: string } = {}): Promise<AgencyListRow[]> {
  let q = listQuery(db);
  if (filter.sector) q = q.where('agencies.sector', '=', filter.sector);
  return q.orderBy('agencies.kind').orderBy('agencies.code').execute();
}

export async function findAgencyRow(db: Executor, id: string): Promise<AgencyListRow | undefined> {
  return listQuery(db).where('agencies.id', '=', id).executeTakeFirst();
}

export async function findAgencyByCode(db: Executor, code: string): Promise<AgencyRow | undefined> {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Parent and kind of every agency, for the hierarchy checks of domain/checkAgency. */
export async function loadHierarchy(db: Executor) {
  const rows = await db.selectFrom('agencies').select(['id', 'parent_id', 'kind']).execute();
  return {
    parentOf: new Map(rows.map((r) => [r.id, r.parent_id])),
    kindOf: new Map(rows.map((r) => [r.id, r.kind as AgencyKind])),
  };
}

export async function listStewards(db: Executor, agencyId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name'])
    .where('agency_id', '=', agencyId)
    .where(sql<boolean>`'steward' = any(roles)`)
    .where('disabled', '=', false)
    .orderBy('username')
    .execute();
}

export async function listChildren(db: Executor, agencyId: string) {
  return db.selectFrom('agencies').select(['id', 'name', 'kind']).where('parent_id', '=', agencyId).orderBy('code').execute();
}

export async function insertAgency(db: Executor, row: NewAgency): Promise<AgencyRow> {
  return db.insertInto('agencies').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateAgencyRow(db: Executor, id: string, changes: AgencyUpdate): Promise<AgencyRow | undefined> {
  return db.updateTable('agencies').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}
