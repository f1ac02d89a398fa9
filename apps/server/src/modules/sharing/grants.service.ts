/**
 * Grants (R14–R17, R23.1): who may fetch which fields of a resource, for what, until when, and
 * from which of its systems. Made by the request workflow; revocable (bureau), suspendable on
 * misuse (bureau or provider), expiring with notice beforehand. Every change is audited and the
 * exit is told to drop what it cached about the grant.
 */
import { randomBytes } from 'node:crypto';
import type { Delivery, Grant, Lineage } from '@gongshu/contracts';
import {
  authorize,
  DomainError,
  fail,
  grantStatusAt,
  shanghaiDateOf,
  type GrantState,
  type MaskKind,
  type ResourceMetadata,
  type UserActor,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database, ShareGrantRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { agencyRecipients, insertNotifications, type NewNotification } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import { dailyDeliveries, grantsQuery, keysOfGrants, listDeliveryRows } from './grants.repository.js';
import { presentGrant, type GrantJoined } from './share-presenters.js';
import { agencyKeysQuery, nextNumber } from './share-requests.repository.js';

const SUBJECT = 'share_grant';
/** Consumers and providers are told this many days before a grant ends. */
export const EXPIRY_NOTICE_DAYS = 7;
const DAY_MS = 86_400_000;

/** Midnight at the start of a day in Asia/Shanghai. */
export const shanghaiMidnight = (isoDate: string): Date => new Date(`${isoDate}T00:00:00+08:00`);

export function isBureauSide(actor: UserActor): boolean {
  return actor.roles.some((r) => r === 'bureau_admin' || r === 'bureau_reviewer' || r === 'security_supervisor');
}

export interface NewGrant {
  requestId: string;
  consumerAgencyId: string;
  providerAgencyId: string;
  resourceId: string;
  resourceCode: string | null;
  resourceName: string;
  providerName: string;
  fields: readonly string[];
  purpose: string;
  periodFrom: string;
  periodTo: string;
  apiKeyIds: readonly string[];
  /** The provider's per-field mask overrides (R29.1), already checked against the defaults. */
  masks?: Readonly<Record<string, MaskKind>>;
}

export function createGrantsService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  /** Tells the exit to forget what it cached about a grant (its keys, state or period changed). */
  onGrantChanged: (grantId: string) => void;
}) {
  const { db, audit, clock, onGrantChanged } = deps;

  async function load(trx: Executor, id: string): Promise<Grant> {
    const row = await grantsQuery(trx).where('g.id', '=', id).executeTakeFirst();
    if (!row) fail('NOT_FOUND', { field: 'id' });
    return (await presentAll(trx, [row]))[0] ?? fail('NOT_FOUND');
  }

  async function presentAll(trx: Executor, rows: GrantJoined[]): Promise<Grant[]> {
    const keys = await keysOfGrants(
      trx,
      rows.map((r) => r.id),
    );
    const now = clock();
    return rows.map((r) =>
      presentGrant(
        r,
        keys.filter((k) => k.grant_id === r.id).map(({ id, name, prefix, owner }) => ({ id, name, prefix, owner })),
        now,
      ),
    );
  }

  function assertVisible(actor: UserActor, grant: Pick<Grant, 'consumer' | 'provider'>): void {
    if (isBureauSide(actor)) return;
    const mine = actor.agency?.id;
    if (mine !== grant.consumer.id && mine !== grant.provider.id) fail('NOT_FOUND', { field: 'id' });
  }

  async function getVisible(ctx: RequestContext, id: string): Promise<Grant> {
    const actor = signedInUser(ctx);
    const decision = authorize(actor, 'share.read');
    if (!decision.ok) throw new DomainError(decision.refusal);
    const grant = await load(db, id);
    assertVisible(actor, grant);
    return grant;
  }

  async function notifyParties(trx: Executor, grant: Pick<ShareGrantRow, 'consumer_agency_id' | 'provider_agency_id'>, n: NewNotification) {
    const users = [...(await agencyRecipients(trx, grant.consumer_agency_id)), ...(await agencyRecipients(trx, grant.provider_agency_id))];
    await insertNotifications(trx, [...new Set(users)], n, clock());
  }

  async function validKeysOf(trx: Executor, agencyId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await agencyKeysQuery(trx, agencyId, clock()).where('k.id', 'in', ids).execute();
    const valid = new Set(rows.map((r) => r.id));
    const invalid = ids.filter((id) => !valid.has(id));
    if (invalid.length > 0) fail('SHARE_API_KEY_INVALID', { field: 'apiKeyIds', details: { invalid } });
    return [...new Set(ids)];
  }

  return {
    validKeysOf,

    /** Makes the grant of a request, inside the workflow's transaction. */
    async create(trx: Executor, ctx: RequestContext, g: NewGrant): Promise<ShareGrantRow> {
      const now = clock();
      const start = shanghaiMidnight(g.periodFrom);
      const number = await nextNumber(trx, 'SQ', shanghaiDateOf(now).slice(0, 4));
      const grant = await trx
        .insertInto('share_grants')
        .values({
          number,
          request_id: g.requestId,
          consumer_agency_id: g.consumerAgencyId,
          provider_agency_id: g.providerAgencyId,
          resource_id: g.resourceId,
          fields: JSON.stringify(g.fields),
          purpose: g.purpose,
          valid_from: start > now ? start : now,
          valid_to: new Date(shanghaiMidnight(g.periodTo).getTime() + DAY_MS),
          state: 'active',
          watermark_key: randomBytes(32).toString('base64url'),
          citation: `数据来源：${g.providerName}《${g.resourceName}》${g.resourceCode ? `（资源代码 ${g.resourceCode}）` : ''}，经滕州市公共数据平台共享，授权编号 ${number}`,
          created_by_user_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          created_at: now,
          field_masks: JSON.stringify(g.masks ?? {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // Keys that lapsed since the request was filed are simply not carried over.
      const keys = g.apiKeyIds.length ? await agencyKeysQuery(trx, g.consumerAgencyId, now).where('k.id', 'in', g.apiKeyIds).execute() : [];
      if (keys.length > 0)
        await trx
          .insertInto('share_grant_keys')
          .values(keys.map((k) => ({ grant_id: grant.id, api_key_id: k.id })))
          .execute();
      await audit.record(trx, ctx, {
        action: 'share.grant.create',
        subjectType: SUBJECT,
        subjectId: grant.id,
        details: {
          number,
          requestId: g.requestId,
          consumer: g.consumerAgencyId,
          resource: g.resourceId,
          fields: g.fields,
          ...(g.masks && Object.keys(g.masks).length > 0 ? { masks: g.masks } : {}),
          validTo: grant.valid_to.toISOString(),
          keys: keys.map((k) => k.id),
        },
      });
      await notifyParties(trx, grant, {
        kind: 'share.granted',
        title: { zh: `共享授权 ${number}：${g.resourceName}`, en: `Sharing grant ${number}: ${g.resourceName}` },
        body: {
          zh: `已授权共享 ${g.fields.length} 个信息项，有效期至 ${g.periodTo}。`,
          en: `${g.fields.length} fields are granted until ${g.periodTo}.`,
        },
        link: `/sharing/grants/${grant.id}`,
        deadlineId: null,
      });
      return grant;
    },

    async list(ctx: RequestContext, scope: 'consumer' | 'provider' | 'all', resourceId?: string): Promise<Grant[]> {
      const actor = signedInUser(ctx);
      const decision = authorize(actor, 'share.read');
      if (!decision.ok) throw new DomainError(decision.refusal);
      let q = grantsQuery(db);
      if (scope === 'all') {
        if (!isBureauSide(actor)) fail('FORBIDDEN', { field: 'scope' });
      } else {
        const agencyId = actor.agency?.id ?? fail('FORBIDDEN', { field: 'scope' });
        q = q.where(scope === 'consumer' ? 'g.consumer_agency_id' : 'g.provider_agency_id', '=', agencyId);
      }
      if (resourceId) q = q.where('g.resource_id', '=', resourceId);
      return presentAll(db, await q.orderBy('g.created_at', 'desc').limit(500).execute());
    },

    get: getVisible,

    /** The consumer's steward chooses which of its systems may call (R29.1). */
    async setKeys(ctx: RequestContext, id: string, apiKeyIds: readonly string[]): Promise<Grant> {
      const actor = signedInUser(ctx);
      const result = await db.transaction().execute(async (trx) => {
        const grant = await trx.selectFrom('share_grants').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
        if (!grant) fail('NOT_FOUND', { field: 'id' });
        const facts = await loadAgencyFacts(trx, grant.consumer_agency_id);
        const decision = authorize(actor, 'agency.submit', facts ? { agency: facts } : {});
        if (!decision.ok) throw new DomainError(decision.refusal);
        const keys = await validKeysOf(trx, grant.consumer_agency_id, apiKeyIds);
        await trx.deleteFrom('share_grant_keys').where('grant_id', '=', id).execute();
        if (keys.length > 0)
          await trx
            .insertInto('share_grant_keys')
            .values(keys.map((k) => ({ grant_id: id, api_key_id: k })))
            .execute();
        await audit.record(trx, ctx, { action: 'share.grant.keys', subjectType: SUBJECT, subjectId: id, details: { keys } });
        return load(trx, id);
      });
      onGrantChanged(id);
      return result;
    },

    /** Suspend on misuse (bureau or provider), reinstate, or revoke for good (bureau). */
    async changeState(ctx: RequestContext, id: string, action: 'suspend' | 'reinstate' | 'revoke', reason: string): Promise<Grant> {
      const actor = signedInUser(ctx);
      const result = await db.transaction().execute(async (trx) => {
        const grant = await trx.selectFrom('share_grants').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
        if (!grant) fail('NOT_FOUND', { field: 'id' });
        const bureau = authorize(actor, 'share.review').ok;
        if (!bureau) {
          if (action === 'revoke')
            fail('FORBIDDEN', { message: { zh: '撤销授权由市大数据局决定', en: 'Only the bureau revokes a grant' } });
          const facts = await loadAgencyFacts(trx, grant.provider_agency_id);
          const decision = authorize(actor, 'share.provide', facts ? { agency: facts } : {});
          if (!decision.ok) throw new DomainError(decision.refusal);
        }
        const allowed = { suspend: ['active'], reinstate: ['suspended'], revoke: ['active', 'suspended'] }[action];
        if (!allowed.includes(grant.state)) fail('SHARE_TRANSITION_INVALID', { details: { state: grant.state, action } });
        const state = { suspend: 'suspended', reinstate: 'active', revoke: 'revoked' }[action];
        const now = clock();
        await trx.updateTable('share_grants').set({ state, state_reason: reason, state_changed_at: now }).where('id', '=', id).execute();
        await audit.record(trx, ctx, { action: `share.grant.${action}`, subjectType: SUBJECT, subjectId: id, details: { reason } });
        const label = { suspend: ['已暂停', 'suspended'], reinstate: ['已恢复', 'reinstated'], revoke: ['已撤销', 'revoked'] }[action];
        await notifyParties(trx, grant, {
          kind: `share.grant.${action}`,
          title: { zh: `共享授权 ${grant.number} ${label[0]}`, en: `Sharing grant ${grant.number} ${label[1]}` },
          body: { zh: `原因：${reason}`, en: `Reason: ${reason}` },
          link: `/sharing/grants/${id}`,
          deadlineId: null,
        });
        return load(trx, id);
      });
      onGrantChanged(id);
      return result;
    },

    async deliveries(
      ctx: RequestContext,
      id: string,
      before: number | undefined,
      limit = 50,
    ): Promise<{ deliveries: Delivery[]; nextBefore: number | null; daily: { day: string; deliveries: number; rows: number }[] }> {
      const grant = await getVisible(ctx, id);
      const rows = await listDeliveryRows(db, grant.id, before, limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        deliveries: page.map((d) => ({
          id: d.id,
          serial: Number(d.serial),
          kind: d.kind as Delivery['kind'],
          format: d.format,
          via: d.via,
          apiKey: d.key_name && d.key_prefix ? { name: d.key_name, prefix: d.key_prefix } : null,
          user: d.user_name,
          at: d.at.toISOString(),
          rows: d.rows,
          fields: d.fields,
          fingerprint: d.fingerprint,
        })),
        nextBefore: rows.length > limit && last ? Number(last.serial) : null,
        daily: await dailyDeliveries(db, grant.id, new Date(clock().getTime() - 30 * DAY_MS)),
      };
    },

    /** Provider → loads → resource → grants → consumers → deliveries. */
    async lineage(ctx: RequestContext, resourceId: string): Promise<Lineage> {
      const actor = signedInUser(ctx);
      const decision = authorize(actor, 'share.read');
      if (!decision.ok) throw new DomainError(decision.refusal);
      const resource = await db
        .selectFrom('catalog_resources as r')
        .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
        .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
        .select(['r.id', 'r.code', 'r.provider_agency_id', 'v.metadata', 'a.name as provider_name'])
        .where('r.id', '=', resourceId)
        .executeTakeFirst();
      if (!resource) fail('NOT_FOUND', { field: 'id' });
      const grants = (await grantsQuery(db).where('g.resource_id', '=', resourceId).orderBy('g.created_at').execute()) as GrantJoined[];
      if (!isBureauSide(actor) && actor.agency?.id !== resource.provider_agency_id) fail('NOT_FOUND', { field: 'id' });
      const loads = await db
        .selectFrom('load_batches')
        .select(['id', 'channel', 'format', 'rows_loaded', 'finished_at', 'created_at'])
        .where('resource_id', '=', resourceId)
        .where('state', '=', 'loaded')
        .orderBy('created_at', 'desc')
        .limit(5)
        .execute();
      const metadata = resource.metadata as ResourceMetadata;
      const now = clock();
      const nodes: Lineage['nodes'] = [
        { id: `agency:${resource.provider_agency_id}`, kind: 'provider', label: resource.provider_name, detail: null, link: null },
        {
          id: `resource:${resource.id}`,
          kind: 'resource',
          label: metadata.name,
          detail: resource.code,
          link: `/catalog/resources/${resource.id}`,
        },
      ];
      const edges: Lineage['edges'] = [];
      for (const l of loads.reverse()) {
        nodes.push({
          id: `load:${l.id}`,
          kind: 'load',
          label: `${shanghaiDateOf(l.created_at)} · ${l.rows_loaded} 行`,
          detail: `${l.channel} · ${l.format}`,
          link: `/data/loads/${l.id}`,
        });
        edges.push({ from: `agency:${resource.provider_agency_id}`, to: `load:${l.id}`, label: null });
        edges.push({ from: `load:${l.id}`, to: `resource:${resource.id}`, label: null });
      }
      if (loads.length === 0) edges.push({ from: `agency:${resource.provider_agency_id}`, to: `resource:${resource.id}`, label: null });
      const consumers = new Set<string>();
      for (const g of grants) {
        const status = grantStatusAt({ state: g.state as GrantState, validFrom: g.valid_from, validTo: g.valid_to }, now);
        nodes.push({ id: `grant:${g.id}`, kind: 'grant', label: g.number, detail: status, link: `/sharing/grants/${g.id}` });
        edges.push({ from: `resource:${resource.id}`, to: `grant:${g.id}`, label: `${g.fields.length}` });
        if (!consumers.has(g.consumer_agency_id)) {
          consumers.add(g.consumer_agency_id);
          nodes.push({ id: `agency:${g.consumer_agency_id}`, kind: 'consumer', label: g.consumer_name, detail: null, link: null });
        }
        edges.push({ from: `grant:${g.id}`, to: `agency:${g.consumer_agency_id}`, label: null });
        const count = Number(g.deliveries_count);
        if (count > 0) {
          nodes.push({
            id: `deliveries:${g.id}`,
            kind: 'deliveries',
            label: `${count}`,
            detail: g.last_delivery_at ? new Date(g.last_delivery_at).toISOString() : null,
            link: `/sharing/grants/${g.id}`,
          });
          edges.push({ from: `agency:${g.consumer_agency_id}`, to: `deliveries:${g.id}`, label: g.number });
        }
      }
      return { resource: { id: resource.id, code: resource.code, name: metadata.name }, nodes, edges };
    },

    /** Tells consumers and providers about grants ending within the notice period (once per grant). */
    async notifyExpiring(now: Date = clock()): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('share_grants as g')
          .innerJoin('catalog_resources as r', 'r.id', 'g.resource_id')
          .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
          .select(['g.id', 'g.number', 'g.consumer_agency_id', 'g.provider_agency_id', 'g.valid_to', 'v.metadata'])
          .where('g.state', '=', 'active')
          .where('g.expiry_notified_at', 'is', null)
          .where('g.valid_to', '>', now)
          .where('g.valid_to', '<=', new Date(now.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS))
          .forNoKeyUpdate('g')
          .skipLocked()
          .limit(100)
          .execute();
        for (const g of due) {
          const name = (g.metadata as ResourceMetadata).name;
          const day = shanghaiDateOf(new Date(g.valid_to.getTime() - 1));
          await notifyParties(trx, g, {
            kind: 'share.grant.expiring',
            title: { zh: `共享授权 ${g.number} 即将到期`, en: `Sharing grant ${g.number} expires soon` },
            body: {
              zh: `《${name}》的共享授权将于 ${day} 到期；如需继续使用，请重新申请。`,
              en: `The grant for “${name}” ends on ${day}; apply again to keep using the data.`,
            },
            link: `/sharing/grants/${g.id}`,
            deadlineId: null,
          });
          await trx.updateTable('share_grants').set({ expiry_notified_at: now }).where('id', '=', g.id).execute();
        }
        return due.length;
      });
    },
  };
}

export type GrantsService = ReturnType<typeof createGrantsService>;
