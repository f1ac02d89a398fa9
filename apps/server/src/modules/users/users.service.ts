/**
 * Accounts of agency people and their roles (R6.1), including naming data stewards (R8.1).
 * Bureau administrators manage them; every change is audited.
 */
import type { User } from '@gongshu/contracts';
import { checkRoles, DomainError, fail, type Role, type RoleAgency, type SecurityDuty, type Sector } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Executor } from '../../db/executor.js';
import type { Database, UserRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { endUserSessions } from '../auth/auth.repository.js';
import { assertPasswordPolicy, hashPassword } from '../auth/passwords.js';
import { insertUser, isLocked, listUserRows, updateUserRow, findUserById, type UserListFilter } from './users.repository.js';

export interface UsersDeps {
  readonly db: Kysely<Database>;
  readonly audit: AuditService;
  readonly clock: Clock;
  /** Told after a user's roles, agency or disabled flag changed (cached API keys of the user are dropped). */
  readonly onUserChanged?: (userId: string) => void;
}

export interface NewAgencyUser {
  username: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  password: string;
}

export interface UserPatch {
  displayName?: string | undefined;
  agencyId?: string | undefined;
  roles?: Role[] | undefined;
  disabled?: boolean | undefined;
  unlock?: boolean | undefined;
  password?: string | undefined;
}

function presentUser(row: UserRow & { agency_name?: string | null }, now: Date): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    agencyId: row.agency_id,
    agencyName: row.agency_name ?? null,
    roles: row.roles as Role[],
    publicKind: (row.public_kind as User['publicKind']) ?? null,
    disabled: row.disabled,
    locked: isLocked(row, now),
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

async function roleAgency(trx: Executor, agencyId: string): Promise<RoleAgency> {
  const agency = await trx
    .selectFrom('agencies')
    .select(['kind', 'sector_authority_of', 'security_duty', 'active'])
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency || !agency.active) fail('NOT_FOUND', { field: 'agencyId' });
  return {
    kind: agency.kind as RoleAgency['kind'],
    sectorAuthorityOf: agency.sector_authority_of as Sector | null,
    securityDuty: agency.security_duty as SecurityDuty | null,
  };
}

function assertRoles(roles: Role[], agency: RoleAgency): void {
  const refusal = checkRoles(roles, agency);
  if (refusal) throw new DomainError(refusal);
}

export function createUsersService(deps: UsersDeps) {
  const { db, audit, clock } = deps;

  async function withAgencyName(trx: Executor, row: UserRow) {
    const agency = row.agency_id
      ? await trx.selectFrom('agencies').select('name').where('id', '=', row.agency_id).executeTakeFirst()
      : undefined;
    return presentUser({ ...row, agency_name: agency?.name ?? null }, clock());
  }

  return {
    async list(filter: UserListFilter): Promise<User[]> {
      const now = clock();
      return (await listUserRows(db, filter)).map((row) => presentUser(row, now));
    },

    async create(ctx: RequestContext, input: NewAgencyUser): Promise<User> {
      assertPasswordPolicy(input.password, input.username);
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction().execute(async (trx) => {
          assertRoles(input.roles, await roleAgency(trx, input.agencyId));
          const row = await insertUser(trx, {
            username: input.username,
            display_name: input.displayName,
            password_hash: passwordHash,
            agency_id: input.agencyId,
            roles: input.roles,
          });
          await audit.record(trx, ctx, {
            action: 'user.create',
            subjectType: 'user',
            subjectId: row.id,
            details: { username: row.username, agencyId: row.agency_id, roles: row.roles },
          });
          return withAgencyName(trx, row);
        });
      } catch (error) {
        if (uniqueViolation(error)) fail('CONFLICT', { field: 'username' });
        throw error;
      }
    },

    async update(ctx: RequestContext, id: string, patch: UserPatch): Promise<User> {
      const before = await findUserById(db, id);
      if (!before) fail('NOT_FOUND', { field: 'id' });
      if (before.public_kind && (patch.roles || patch.agencyId)) {
        fail('FORBIDDEN', {
          field: 'roles',
          message: { zh: '公众用户不能被授予单位角色', en: 'A public user cannot be given agency roles' },
        });
      }
      if (patch.password !== undefined) assertPasswordPolicy(patch.password, before.username);
      const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
      const updated = await db.transaction().execute(async (trx) => {
        const now = clock();
        const roles = patch.roles ?? (before.roles as Role[]);
        const agencyId = patch.agencyId ?? before.agency_id;
        if ((patch.roles || patch.agencyId) && agencyId) assertRoles(roles, await roleAgency(trx, agencyId));
        const row = await updateUserRow(trx, id, {
          ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
          ...(patch.agencyId === undefined ? {} : { agency_id: patch.agencyId }),
          ...(patch.roles === undefined ? {} : { roles: patch.roles }),
          ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
          ...(patch.unlock ? { locked_until: null, failed_logins: 0 } : {}),
          ...(passwordHash === undefined ? {} : { password_hash: passwordHash, password_changed_at: now }),
          updated_at: now,
        });
        if (!row) fail('NOT_FOUND', { field: 'id' });
        // Disabling an account or resetting its password ends its sessions at once.
        if (patch.disabled === true || passwordHash !== undefined) await endUserSessions(trx, id, now);
        await audit.record(trx, ctx, {
          action: 'user.update',
          subjectType: 'user',
          subjectId: id,
          details: {
            ...(patch.roles ? { rolesBefore: before.roles, rolesAfter: row.roles } : {}),
            ...(patch.agencyId ? { agencyBefore: before.agency_id, agencyAfter: row.agency_id } : {}),
            ...(patch.displayName ? { displayName: row.display_name } : {}),
            ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
            ...(patch.unlock ? { unlocked: true } : {}),
            ...(passwordHash ? { passwordReset: true } : {}),
          },
        });
        return withAgencyName(trx, row);
      });
      // After the commit: an API key of a disabled or re-roled user stops working at once (R29.1).
      if (patch.roles !== undefined || patch.agencyId !== undefined || patch.disabled !== undefined) deps.onUserChanged?.(id);
      return updated;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
