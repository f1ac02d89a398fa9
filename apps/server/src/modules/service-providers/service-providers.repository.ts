import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { ServiceProviderRow, ServiceProvidersTable } from '../../db/schema.js';
import type { Insertable, Updateable } from 'kysely';

export interface ProviderListRow extends ServiceProviderRow {
  agency_name: string;
  account_count: number;
  created_by: string | null;
  updated_by: string | null;
}

export interface ProviderFilter {
  agencyId?: string | undefined;
  /** A stored state, or a date window over the period (computed by the service from a status). */
  state?: ServiceProviderRow['state'] | undefined;
  /** valid_from after this date (pending). */
  startsAfter?: string | undefined;
  /** valid_to on or after this date (not yet expired). */
  endsOnOrAfter?: string | undefined;
  /** valid_to before this date (expired). */
  endsBefore?: string | undefined;
  /** valid_from on or before this date (started). */
  startsOnOrBefore?: string | undefined;
  /** valid_to on or before this date (ending soon). */
  endsOnOrBefore?: string | undefined;
}

function listQuery(db: Executor) {
  return db
    .selectFrom('service_providers as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .leftJoin('users as cu', 'cu.id', 'p.created_by_user_id')
    .leftJoin('users as uu', 'uu.id', 'p.updated_by_user_id')
    .selectAll('p')
    .select([
      'a.name as agency_name',
      'cu.username as created_by',
      'uu.username as updated_by',
      sql<number>`(select count(*) from users l where l.service_provider_id = p.id)::int`.as('account_count'),
    ]);
}

export async function listProviderRows(db: Executor, f: ProviderFilter): Promise<ProviderListRow[]> {
  let q = listQuery(db);
  if (f.agencyId) q = q.where('p.agency_id', '=', f.agencyId);
  if (f.state) q = q.where('p.state', '=', f.state);
  if (f.startsAfter) q = q.where('p.valid_from', '>', f.startsAfter);
  if (f.startsOnOrBefore) q = q.where('p.valid_from', '<=', f.startsOnOrBefore);
  if (f.endsOnOrAfter) q = q.where('p.valid_to', '>=', f.endsOnOrAfter);
  if (f.endsBefore) q = q.where('p.valid_to', '<', f.endsBefore);
  if (f.endsOnOrBefore) q = q.where('p.valid_to', '<=', f.endsOnOrBefore);
  return q.orderBy('p.valid_to').orderBy('p.name').limit(1000).execute();
}

export async function findProviderRow(db: Executor, id: string): Promise<ProviderListRow | undefined> {
  return listQuery(db).where('p.id', '=', id).executeTakeFirst();
}

export async function lockProviderRow(db: Executor, id: string): Promise<ServiceProviderRow | undefined> {
  return db.selectFrom('service_providers').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertProvider(db: Executor, row: Insertable<ServiceProvidersTable>): Promise<ServiceProviderRow> {
  return db.insertInto('service_providers').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateProviderRow(
  db: Executor,
  id: string,
  changes: Updateable<ServiceProvidersTable>,
): Promise<ServiceProviderRow | undefined> {
  return db.updateTable('service_providers').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function listProviderAccounts(db: Executor, providerId: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.disabled', 'a.name as agency_name'])
    .where('u.service_provider_id', '=', providerId)
    .orderBy('u.username')
    .execute();
}

/**
 * Accounts that may be linked to a provider: agency accounts (not public users) of the contracting
 * agency or of an agency registered under the provider's credit code, not linked to any provider.
 */
export async function listAccountOptions(db: Executor, provider: Pick<ServiceProviderRow, 'agency_id' | 'credit_code'>, userId?: string) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.disabled', 'a.name as agency_name'])
    .where('u.service_provider_id', 'is', null)
    .where('u.public_kind', 'is', null)
    .where((eb) => eb.or([eb('u.agency_id', '=', provider.agency_id), eb('a.credit_code', '=', provider.credit_code)]));
  if (userId) q = q.where('u.id', '=', userId);
  return q.orderBy('a.name').orderBy('u.username').limit(500).execute();
}

export async function setUserProvider(db: Executor, userId: string, providerId: string | null, at: Date): Promise<void> {
  await db.updateTable('users').set({ service_provider_id: providerId, updated_at: at }).where('id', '=', userId).execute();
}

export async function linkedUserIds(db: Executor, providerId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('service_provider_id', '=', providerId).execute();
  return rows.map((r) => r.id);
}

/**
 * Providers whose agreement ends within the notice period and whose stewards have not been told
 * about this end date yet (one notice per lapse: an extension moves valid_to and brings a new one).
 */
export async function providersToNotify(db: Executor, today: string, lastDay: string) {
  return db
    .selectFrom('service_providers as p')
    .innerJoin('agencies as a', 'a.id', 'p.agency_id')
    .select(['p.id', 'p.agency_id', 'p.name', 'p.agreement_number', 'p.valid_to', 'a.name as agency_name'])
    .where('p.state', '=', 'active')
    .where('p.valid_to', '>=', today)
    .where('p.valid_to', '<=', lastDay)
    .where((eb) => eb.or([eb('p.expiry_notified_for', 'is', null), eb('p.expiry_notified_for', '!=', eb.ref('p.valid_to'))]))
    .forNoKeyUpdate('p')
    .skipLocked()
    .limit(100)
    .execute();
}
