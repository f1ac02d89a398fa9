/**
 * The register of third-party service providers (R30.1): who an agency contracts to build, run or
 * maintain its systems, under which security and confidentiality agreement (no retention, no use,
 * no onward transfer), for which period. Accounts linked to a provider act only while its agreement
 * is in force (enforced where sessions and API keys are resolved, modules/auth). Bureau
 * administrators manage every agency's providers, a steward its own agency's; security supervisors
 * read. Every change is audited in its transaction.
 */
import type { ProviderAccount, ServiceProvider, ServiceProviderDetail, ServiceProviderInput } from '@gongshu/contracts';
import {
  authorize,
  checkProviderRegistration,
  daysToExpiry,
  DomainError,
  fail,
  providerStatus,
  shanghaiDateOf,
  type AgencyFacts,
  type ProviderStatus,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Executor } from '../../db/executor.js';
import type { Database, ServiceProviderRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { agencyRecipients, bureauUsersWithRole, insertNotifications } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import {
  findProviderRow,
  insertProvider,
  linkedUserIds,
  listAccountOptions,
  listProviderAccounts,
  listProviderRows,
  lockProviderRow,
  providersToNotify,
  setUserProvider,
  updateProviderRow,
  type ProviderFilter,
  type ProviderListRow,
} from './service-providers.repository.js';

/** Stewards and the bureau hear this many days before an agreement's last day (R30.1). */
export const PROVIDER_EXPIRY_NOTICE_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ServiceProvidersDeps {
  readonly db: Kysely<Database>;
  readonly audit: AuditService;
  readonly clock: Clock;
  /** Called after a change that can stop or restore linked accounts (auth drops their cached API keys). */
  readonly onAccountsChanged?: (userIds: readonly string[]) => void;
}

export interface ProviderListQuery {
  agencyId?: string | undefined;
  status?: ProviderStatus | undefined;
  expiringWithinDays?: number | undefined;
}

export type ProviderPatch = Partial<Omit<ServiceProviderInput, 'agencyId'>>;

/** A China date `days` days after `isoDate`. */
function addDays(isoDate: string, days: number): string {
  return shanghaiDateOf(new Date(Date.parse(`${isoDate}T12:00:00+08:00`) + days * DAY_MS));
}

/** No agency has this id: a rule that allows it allows every agency (the bureau, security supervisors). */
const ANY_OTHER_AGENCY: AgencyFacts = {
  id: '00000000-0000-0000-0000-000000000000',
  kind: 'department',
  level: 'city',
  sector: null,
  sectorAuthorityOf: null,
  hasSteward: true,
};

function present(row: ProviderListRow, today: string): ServiceProvider {
  const agreement = { state: row.state, validFrom: row.valid_from, validTo: row.valid_to };
  return {
    id: row.id,
    ...toInput(row),
    agencyName: row.agency_name,
    state: row.state,
    status: providerStatus(agreement, today),
    daysToExpiry: daysToExpiry(row.valid_to, today),
    endReason: row.end_reason,
    endedOn: row.ended_on,
    accountCount: row.account_count,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The registered facts of a provider as the API takes them (every field present: also the base of present()). */
function toInput(row: ServiceProviderRow) {
  return {
    agencyId: row.agency_id,
    name: row.name,
    creditCode: row.credit_code,
    agreementNumber: row.agreement_number,
    serviceScope: row.service_scope,
    systems: row.systems,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    agreementSignedOn: row.agreement_signed_on,
    noRetention: row.no_retention,
    noUse: row.no_use,
    noOnwardTransfer: row.no_onward_transfer,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  } satisfies ServiceProviderInput;
}

function toColumns(input: ServiceProviderInput) {
  return {
    agency_id: input.agencyId,
    name: input.name.trim(),
    credit_code: input.creditCode.trim().toUpperCase(),
    agreement_number: input.agreementNumber.trim(),
    service_scope: input.serviceScope.trim(),
    systems: JSON.stringify((input.systems ?? []).map((s) => s.trim()).filter(Boolean)),
    contact_name: input.contactName ?? null,
    contact_phone: input.contactPhone ?? null,
    agreement_signed_on: input.agreementSignedOn,
    no_retention: input.noRetention,
    no_use: input.noUse,
    no_onward_transfer: input.noOnwardTransfer,
    valid_from: input.validFrom,
    valid_to: input.validTo,
  };
}

function validate(input: ServiceProviderInput): void {
  const refusal = checkProviderRegistration(input);
  if (refusal) throw new DomainError(refusal);
}

async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error)) fail('CONFLICT', { field: 'agreementNumber' });
    throw error;
  }
}

export function createServiceProvidersService(deps: ServiceProvidersDeps) {
  const { db, audit, clock } = deps;
  const today = () => shanghaiDateOf(clock());
  const changed = (userIds: readonly string[]) => {
    if (userIds.length > 0) deps.onAccountsChanged?.(userIds);
  };

  /** Asks the policy with the provider's contracting agency (R30.1: a steward manages its own only). */
  async function allow(trx: Executor, ctx: RequestContext, permission: 'provider.read' | 'provider.manage', agencyId: string) {
    const agency = await loadAgencyFacts(trx, agencyId);
    if (!agency) fail('NOT_FOUND', { field: 'agencyId' });
    const decision = authorize(ctx.actor, permission, { agency });
    if (!decision.ok) throw new DomainError(decision.refusal);
  }

  async function detail(trx: Executor, id: string): Promise<ServiceProviderDetail> {
    const row = await findProviderRow(trx, id);
    if (!row) fail('NOT_FOUND', { field: 'id' });
    const accounts = await listProviderAccounts(trx, id);
    return {
      provider: present(row, today()),
      accounts: accounts.map(presentAccount),
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by,
      updatedBy: row.updated_by,
    };
  }

  /** Locks the provider and checks the actor may manage it. */
  async function managed(trx: Executor, ctx: RequestContext, id: string): Promise<ServiceProviderRow> {
    const row = await lockProviderRow(trx, id);
    if (!row) fail('NOT_FOUND', { field: 'id' });
    await allow(trx, ctx, 'provider.manage', row.agency_id);
    return row;
  }

  return {
    async list(ctx: RequestContext, query: ProviderListQuery): Promise<ServiceProvider[]> {
      const actor = signedInUser(ctx);
      const filter: ProviderFilter = {};
      if (query.agencyId) {
        await allow(db, ctx, 'provider.read', query.agencyId);
        filter.agencyId = query.agencyId;
      } else if (!authorize(actor, 'provider.read', { agency: ANY_OTHER_AGENCY }).ok) {
        // A steward sees its own agency's providers only.
        if (!actor.agency) fail('FORBIDDEN');
        filter.agencyId = actor.agency.id;
      }
      const day = today();
      switch (query.status) {
        case undefined:
          break;
        case 'pending':
          Object.assign(filter, { state: 'active', startsAfter: day });
          break;
        case 'in_force':
          Object.assign(filter, { state: 'active', startsOnOrBefore: day, endsOnOrAfter: day });
          break;
        case 'expired':
          Object.assign(filter, { state: 'active', endsBefore: day });
          break;
        case 'ended':
        case 'terminated':
          filter.state = query.status;
          break;
      }
      if (query.expiringWithinDays !== undefined) {
        Object.assign(filter, {
          state: 'active',
          startsOnOrBefore: day,
          endsOnOrAfter: day,
          endsOnOrBefore: addDays(day, query.expiringWithinDays),
        });
      }
      return (await listProviderRows(db, filter)).map((row) => present(row, day));
    },

    async get(ctx: RequestContext, id: string): Promise<ServiceProviderDetail> {
      const row = await findProviderRow(db, id);
      if (!row) fail('NOT_FOUND', { field: 'id' });
      await allow(db, ctx, 'provider.read', row.agency_id);
      return detail(db, id);
    },

    async create(ctx: RequestContext, input: ServiceProviderInput): Promise<ServiceProviderDetail> {
      const actor = signedInUser(ctx);
      return saving(() =>
        db.transaction().execute(async (trx) => {
          await allow(trx, ctx, 'provider.manage', input.agencyId);
          validate(input);
          const now = clock();
          const row = await insertProvider(trx, {
            ...toColumns(input),
            state: 'active',
            created_by_user_id: actor.userId,
            created_at: now,
            updated_by_user_id: actor.userId,
            updated_at: now,
          });
          await audit.record(trx, ctx, {
            action: 'service_provider.create',
            subjectType: 'service_provider',
            subjectId: row.id,
            details: { after: toInput(row) },
          });
          return detail(trx, row.id);
        }),
      );
    },

    /** Changes the provider or its agreement; an extended period restores its accounts (R30.1). */
    async update(ctx: RequestContext, id: string, patch: ProviderPatch): Promise<ServiceProviderDetail> {
      const actor = signedInUser(ctx);
      let users: string[] = [];
      const result = await saving(() =>
        db.transaction().execute(async (trx) => {
          const before = await managed(trx, ctx, id);
          if (before.state !== 'active') fail('PROVIDER_STATE_INVALID');
          const merged: ServiceProviderInput = { ...toInput(before), ...patch, agencyId: before.agency_id };
          validate(merged);
          const row = await updateProviderRow(trx, id, { ...toColumns(merged), updated_by_user_id: actor.userId, updated_at: clock() });
          if (!row) fail('NOT_FOUND', { field: 'id' });
          await audit.record(trx, ctx, {
            action: 'service_provider.update',
            subjectType: 'service_provider',
            subjectId: id,
            details: { before: toInput(before), after: toInput(row) },
          });
          users = await linkedUserIds(trx, id);
          return detail(trx, id);
        }),
      );
      changed(users);
      return result;
    },

    /** Ends the agreement early; its accounts stop at their next request (R30.1). */
    async end(ctx: RequestContext, id: string, input: { kind: 'ended' | 'terminated'; reason: string }): Promise<ServiceProviderDetail> {
      const actor = signedInUser(ctx);
      let users: string[] = [];
      const result = await db.transaction().execute(async (trx) => {
        const before = await managed(trx, ctx, id);
        if (before.state !== 'active') fail('PROVIDER_STATE_INVALID');
        const endedOn = today();
        await updateProviderRow(trx, id, {
          state: input.kind,
          end_reason: input.reason.trim(),
          ended_on: endedOn,
          updated_by_user_id: actor.userId,
          updated_at: clock(),
        });
        users = await linkedUserIds(trx, id);
        await audit.record(trx, ctx, {
          action: 'service_provider.end',
          subjectType: 'service_provider',
          subjectId: id,
          details: { kind: input.kind, reason: input.reason.trim(), endedOn, validTo: before.valid_to, accounts: users },
        });
        return detail(trx, id);
      });
      changed(users);
      return result;
    },

    async accountOptions(ctx: RequestContext, id: string): Promise<ProviderAccount[]> {
      const row = await findProviderRow(db, id);
      if (!row) fail('NOT_FOUND', { field: 'id' });
      await allow(db, ctx, 'provider.manage', row.agency_id);
      return (await listAccountOptions(db, row)).map(presentAccount);
    },

    /** Links an account of the provider's staff: from now on it acts only while the agreement is in force. */
    async link(ctx: RequestContext, id: string, userId: string): Promise<ServiceProviderDetail> {
      const actor = signedInUser(ctx);
      const result = await db.transaction().execute(async (trx) => {
        const provider = await managed(trx, ctx, id);
        if (provider.state !== 'active') fail('PROVIDER_STATE_INVALID');
        // One cannot link oneself (and so lock oneself out); only accounts of the contracting agency
        // or of the provider's own agency, not linked elsewhere.
        const [account] = userId === actor.userId ? [] : await listAccountOptions(trx, provider, userId);
        if (!account) fail('PROVIDER_ACCOUNT_INVALID', { field: 'userId' });
        await setUserProvider(trx, userId, id, clock());
        await audit.record(trx, ctx, {
          action: 'service_provider.link_account',
          subjectType: 'service_provider',
          subjectId: id,
          details: { userId, username: account.username },
        });
        return detail(trx, id);
      });
      changed([userId]);
      return result;
    },

    async unlink(ctx: RequestContext, id: string, userId: string): Promise<ServiceProviderDetail> {
      const result = await db.transaction().execute(async (trx) => {
        await managed(trx, ctx, id);
        const linked = await listProviderAccounts(trx, id);
        const account = linked.find((a) => a.id === userId);
        if (!account) fail('NOT_FOUND', { field: 'userId' });
        await setUserProvider(trx, userId, null, clock());
        await audit.record(trx, ctx, {
          action: 'service_provider.unlink_account',
          subjectType: 'service_provider',
          subjectId: id,
          details: { userId, username: account.username },
        });
        return detail(trx, id);
      });
      changed([userId]);
      return result;
    },

    /**
     * Tells the contracting agency's stewards and the bureau administrators, PROVIDER_EXPIRY_NOTICE_DAYS
     * before an agreement's last day, once per end date (a periodic task of main.ts).
     */
    async notifyExpiring(now: Date = clock()): Promise<number> {
      const day = shanghaiDateOf(now);
      return db.transaction().execute(async (trx) => {
        const due = await providersToNotify(trx, day, addDays(day, PROVIDER_EXPIRY_NOTICE_DAYS));
        if (due.length === 0) return 0;
        const admins = await bureauUsersWithRole(trx, 'bureau_admin');
        for (const p of due) {
          const recipients = [...(await agencyRecipients(trx, p.agency_id)), ...admins];
          await insertNotifications(
            trx,
            recipients,
            {
              kind: 'provider.agreement.expiring',
              title: { zh: `第三方服务机构协议即将到期：${p.name}`, en: `Service provider agreement ends soon: ${p.name}` },
              body: {
                zh: `${p.agency_name}与${p.name}的安全保密协议（${p.agreement_number}）将于 ${p.valid_to} 到期；到期后其账号不能登录。如需继续服务，请续签并更新登记。`,
                en: `The security and confidentiality agreement (${p.agreement_number}) of ${p.agency_name} with ${p.name} ends on ${p.valid_to}; its accounts cannot sign in afterwards. Renew it and update the register to continue.`,
              },
              link: `/console/providers?id=${p.id}`,
              deadlineId: null,
            },
            now,
          );
          await trx.updateTable('service_providers').set({ expiry_notified_for: p.valid_to }).where('id', '=', p.id).execute();
        }
        return due.length;
      });
    },
  };
}

function presentAccount(a: {
  id: string;
  username: string;
  display_name: string;
  disabled: boolean;
  agency_name: string | null;
}): ProviderAccount {
  return { id: a.id, username: a.username, displayName: a.display_name, agencyName: a.agency_name, disabled: a.disabled };
}

export type ServiceProvidersService = ReturnType<typeof createServiceProvidersService>;
