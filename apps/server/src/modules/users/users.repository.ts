import { sql } from 'kysely';
import type { AgencyFacts, AgencyKind, ProviderAgreement, Role, Sector } from '@gongshu/domain';
import type { Executor } from '../../db/executor.js';
import type { NewUser, UserRow, UserUpdate } from '../../db/schema.js';

/** Whether an agency has an active data steward (R8.1), as a SQL expression over agencies.id. */
export const hasStewardSql = sql<boolean>`exists (
  select 1 from users s
  where s.agency_id = agencies.id and 'steward' = any(s.roles) and not s.disabled
)`;

export interface ActorRecord {
  user: UserRow;
  agency: AgencyFacts | null;
  /** The agreement of the service provider the account belongs to, if any (R30.1). */
  provider: ProviderAgreementFacts | null;
}

/** What the sign-in and request checks need of a linked provider's agreement (R30.1). */
export interface ProviderAgreementFacts extends ProviderAgreement {
  readonly id: string;
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadAgencyFacts(db: Executor, agencyId: string): Promise<AgencyFacts | null> {
  const row = await db
    .selectFrom('agencies')
    .select(['id', 'kind', 'level', 'sector', 'sector_authority_of', hasStewardSql.as('has_steward')])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind as AgencyKind,
    level: row.level === 'town' ? 'town' : 'city',
    sector: row.sector as Sector | null,
    sectorAuthorityOf: row.sector_authority_of as Sector | null,
    hasSteward: row.has_steward,
  };
}

/**
 * The user with the agreement of their service provider in the same query (R30.1: checked on every
 * sign-in, session and API key without a query of its own), then their agency's facts.
 */
export async function loadActorRecord(db: Executor, userId: string): Promise<ActorRecord | null> {
  const row = await db
    .selectFrom('users')
    .leftJoin('service_providers as sp', 'sp.id', 'users.service_provider_id')
    .selectAll('users')
    .select(['sp.state as sp_state', 'sp.valid_from as sp_valid_from', 'sp.valid_to as sp_valid_to'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  const { sp_state, sp_valid_from, sp_valid_to, ...user } = row;
  const provider =
    user.service_provider_id && sp_state && sp_valid_from && sp_valid_to
      ? { id: user.service_provider_id, state: sp_state, validFrom: sp_valid_from, validTo: sp_valid_to }
      : null;
  return { user, agency: user.agency_id ? await loadAgencyFacts(db, user.agency_id) : null, provider };
}

export async function insertUser(db: Executor, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function updateUserRow(db: Executor, id: string, changes: UserUpdate): Promise<UserRow | undefined> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export interface UserListFilter {
  agencyId?: string | undefined;
  role?: Role | undefined;
  q?: string | undefined;
}

export async function listUserRows(db: Executor, f: UserListFilter) {
  let q = db
    .selectFrom('users')
    .leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .selectAll('users')
    .select('agencies.name as agency_name');
  if (f.agencyId) q = q.where('users.agency_id', '=', f.agencyId);
  if (f.role) q = q.where(sql<boolean>`${f.role} = any(users.roles)`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'ilike', like), eb('users.display_name', 'ilike', like)]));
  }
  return q.orderBy('agencies.name').orderBy('users.username').limit(1000).execute();
}

export function isLocked(user: Pick<UserRow, 'locked_until'>, now: Date): boolean {
  return user.locked_until !== null && user.locked_until > now;
}
