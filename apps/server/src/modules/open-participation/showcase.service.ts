/**
 * The reuse showcase (R22.1): public users submit applications, research, articles and scenarios
 * built on open data, linked to the open resources they use; the bureau approves them into the
 * public gallery or rejects them with a reason (and may take a shown work down with a reason);
 * the submitter withdraws their own. Every move is audited and the other side is notified.
 */
import type { routes } from '@gongshu/contracts';
import { authorize, fail, refuse, type Refusal } from '@gongshu/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database, ShowcaseItemsTable } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { openResourcesByIds } from '../ckan/open-resources.repository.js';
import { bureauUsersWithRole, insertNotifications } from '../notifications/notifications.repository.js';
import { openResourceNames, searchOpenResources } from './open-participation.repository.js';
import { refuseAll } from './registration.service.js';

type ShowcaseItem = routes.ShowcaseItem;

export type ShowcaseKind = 'application' | 'research' | 'article' | 'scenario';
export type ShowcaseState = 'pending' | 'approved' | 'rejected' | 'withdrawn';
type Row = Selectable<ShowcaseItemsTable>;

export interface SubmitInput {
  kind: ShowcaseKind;
  title: string;
  summary: string;
  url?: string | undefined;
  author: string;
  resourceIds: string[];
}

const PAGE = 20;
const SUBJECT = 'showcase_item';
const KINDS: readonly ShowcaseKind[] = ['application', 'research', 'article', 'scenario'];

function httpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function createShowcaseService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock }) {
  const { db, audit, clock } = deps;

  /** Items as shown; `own` adds the moderation note (the submitter and the bureau only). */
  async function present(trx: Executor, rows: Row[], view: { own: boolean; userId: string | null }): Promise<ShowcaseItem[]> {
    const names = await openResourceNames(
      trx,
      rows.flatMap((r) => r.resource_ids),
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      url: r.url,
      author: r.author,
      resources: r.resource_ids.flatMap((id) => {
        const found = names.get(id);
        return found ? [{ id: found.id, name: found.name, code: found.code }] : [];
      }),
      state: r.state,
      createdAt: r.created_at.toISOString(),
      moderatedAt: r.moderated_at?.toISOString() ?? null,
      moderationNote: view.own ? r.moderation_note : null,
      canWithdraw: view.userId !== null && r.user_id === view.userId && (r.state === 'pending' || r.state === 'approved'),
    }));
  }

  async function notifySubmitter(trx: Executor, row: Row, title: { zh: string; en: string }, body: { zh: string; en: string }) {
    if (!row.user_id) return;
    await insertNotifications(trx, [row.user_id], { kind: 'open.showcase', title, body, link: '/me/showcase', deadlineId: null }, clock());
  }

  return {
    /** The public gallery: approved works, newest first, by kind, resource or words of the title. */
    async gallery(filter: {
      kind?: ShowcaseKind | undefined;
      resourceId?: string | undefined;
      q?: string | undefined;
      page?: number | undefined;
    }): Promise<{ items: ShowcaseItem[]; total: number; kinds: { kind: ShowcaseKind; count: number }[] }> {
      let q = db.selectFrom('showcase_items as s').where('s.state', '=', 'approved');
      if (filter.resourceId) q = q.where(sql<boolean>`s.resource_ids @> ${JSON.stringify([filter.resourceId])}::jsonb`);
      const q2 = filter.q?.trim();
      if (q2) {
        const like = `%${q2.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) => eb.or([eb('s.title', 'ilike', like), eb('s.summary', 'ilike', like), eb('s.author', 'ilike', like)]));
      }
      const byKind = await q
        .select(['s.kind', sql<number>`count(*)::int`.as('n')])
        .groupBy('s.kind')
        .execute();
      const kinds = KINDS.map((kind) => ({ kind, count: byKind.find((k) => k.kind === kind)?.n ?? 0 }));
      const listed = filter.kind ? q.where('s.kind', '=', filter.kind) : q;
      const page = filter.page ?? 1;
      const rows = await listed
        .selectAll('s')
        .orderBy('s.moderated_at', 'desc')
        .orderBy('s.created_at', 'desc')
        .limit(PAGE)
        .offset((page - 1) * PAGE)
        .execute();
      const total = filter.kind ? (kinds.find((k) => k.kind === filter.kind)?.count ?? 0) : kinds.reduce((sum, k) => sum + k.count, 0);
      return { items: await present(db, rows, { own: false, userId: null }), total, kinds };
    },

    /** Open resources to link a work to (by name or code; or the given ids, to show chosen ones). */
    async resourceOptions(q: string | undefined, ids: string | undefined) {
      if (ids) {
        const list = ids.split(',').filter((id) => /^[0-9a-f-]{36}$/i.test(id));
        const found = await openResourcesByIds(db, list.slice(0, 20));
        return found.map((r) => ({ id: r.resourceId, name: r.metadata.name, code: r.code, provider: r.agency.name }));
      }
      return searchOpenResources(db, q?.trim() ?? '');
    },

    async submit(ctx: RequestContext, input: SubmitInput): Promise<ShowcaseItem> {
      const actor = signedInUser(ctx);
      const problems: Refusal[] = [];
      const title = input.title.trim();
      const summary = input.summary.trim();
      const author = input.author.trim();
      const url = input.url?.trim() || null;
      const resourceIds = [...new Set(input.resourceIds)];
      if ([...title].length < 2) {
        problems.push(refuse('VALIDATION_FAILED', { field: 'title', message: { zh: '请填写标题', en: 'Enter a title' } }));
      }
      if ([...summary].length < 10) {
        problems.push(
          refuse('VALIDATION_FAILED', {
            field: 'summary',
            message: {
              zh: '请说明成果内容和如何使用了数据（至少 10 个字）',
              en: 'Say what it is and how it uses the data (at least 10 characters)',
            },
          }),
        );
      }
      if (url && !httpUrl(url)) {
        problems.push(
          refuse('VALIDATION_FAILED', {
            field: 'url',
            message: { zh: '链接须以 http:// 或 https:// 开头', en: 'The link must start with http:// or https://' },
          }),
        );
      }
      if ([...author].length < 2) {
        problems.push(refuse('VALIDATION_FAILED', { field: 'author', message: { zh: '请填写作者或单位', en: 'Enter the author' } }));
      }
      return db.transaction().execute(async (trx) => {
        const open = new Set((await openResourcesByIds(trx, resourceIds)).map((r) => r.resourceId));
        const notOpen = resourceIds.filter((id) => !open.has(id));
        if (resourceIds.length === 0 || notOpen.length > 0) {
          problems.push(
            refuse('VALIDATION_FAILED', {
              field: 'resourceIds',
              message:
                resourceIds.length === 0
                  ? { zh: '请至少关联一个使用的开放数据资源', en: 'Link at least one open resource it uses' }
                  : { zh: '只能关联已开放的数据资源', en: 'Only open resources can be linked' },
              details: { notOpen },
            }),
          );
        }
        if (problems.length > 0) refuseAll(problems);
        const now = clock();
        const row = await trx
          .insertInto('showcase_items')
          .values({
            user_id: actor.userId,
            kind: input.kind,
            title,
            summary,
            url,
            author,
            resource_ids: JSON.stringify(resourceIds),
            state: 'pending',
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'open.showcase.submit',
          subjectType: SUBJECT,
          subjectId: row.id,
          details: { kind: row.kind, title, resources: resourceIds },
        });
        const moderators = [...(await bureauUsersWithRole(trx, 'bureau_reviewer')), ...(await bureauUsersWithRole(trx, 'bureau_admin'))];
        await insertNotifications(
          trx,
          moderators,
          {
            kind: 'open.showcase',
            title: { zh: `待审核的应用成果：${title}`, en: `Showcase submission to moderate: ${title}` },
            body: { zh: `提交人：${author}`, en: `By ${author}` },
            link: '/open-admin/showcase',
            deadlineId: null,
          },
          now,
        );
        const [item] = await present(trx, [row], { own: true, userId: actor.userId });
        return item ?? fail('NOT_FOUND');
      });
    },

    async mine(ctx: RequestContext): Promise<ShowcaseItem[]> {
      const actor = signedInUser(ctx);
      const rows = await db
        .selectFrom('showcase_items')
        .selectAll()
        .where('user_id', '=', actor.userId)
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      return present(db, rows, { own: true, userId: actor.userId });
    },

    /** The bureau's queue: pending by default, oldest first; other states newest first. */
    async queue(ctx: RequestContext, state: ShowcaseState = 'pending'): Promise<ShowcaseItem[]> {
      const actor = signedInUser(ctx);
      const rows = await db
        .selectFrom('showcase_items')
        .selectAll()
        .where('state', '=', state)
        .orderBy('created_at', state === 'pending' ? 'asc' : 'desc')
        .limit(500)
        .execute();
      return present(db, rows, { own: true, userId: actor.userId });
    },

    /** Approve (pending → approved) or reject with a reason (pending or approved → rejected). */
    async moderate(ctx: RequestContext, id: string, input: { approve: boolean; reason?: string | undefined }): Promise<ShowcaseItem> {
      const actor = signedInUser(ctx);
      if (!authorize(actor, 'open.review').ok) fail('FORBIDDEN');
      const reason = input.reason?.trim() ?? '';
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('showcase_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) fail('NOT_FOUND', { field: 'id' });
        const allowed = input.approve ? row.state === 'pending' : row.state === 'pending' || row.state === 'approved';
        if (!allowed) fail('OPEN_SHOWCASE_STATE_INVALID', { details: { state: row.state } });
        if (!input.approve && [...reason].length < 2) {
          fail('VALIDATION_FAILED', { field: 'reason', message: { zh: '不予展示须说明理由', en: 'A rejection needs a reason' } });
        }
        if (input.approve) {
          // A linked resource may have closed since the submission.
          const open = await openResourcesByIds(trx, row.resource_ids);
          if (open.length === 0) {
            fail('VALIDATION_FAILED', {
              field: 'resourceIds',
              message: { zh: '关联的数据资源均已不再开放', en: 'None of the linked resources is open any more' },
            });
          }
        }
        const now = clock();
        const updated = await trx
          .updateTable('showcase_items')
          .set({
            state: input.approve ? 'approved' : 'rejected',
            moderation_note: input.approve ? reason || null : reason,
            moderated_by_user_id: actor.userId,
            moderated_at: now,
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: input.approve ? 'open.showcase.approve' : 'open.showcase.reject',
          subjectType: SUBJECT,
          subjectId: id,
          details: { from: row.state, to: updated.state, ...(reason ? { reason } : {}) },
        });
        await notifySubmitter(
          trx,
          updated,
          input.approve
            ? { zh: `您的成果“${row.title}”已展示`, en: `Your work “${row.title}” is now shown` }
            : { zh: `您的成果“${row.title}”未予展示`, en: `Your work “${row.title}” is not shown` },
          input.approve ? { zh: '感谢您的分享。', en: 'Thank you for sharing it.' } : { zh: `理由：${reason}`, en: `Reason: ${reason}` },
        );
        const [item] = await present(trx, [updated], { own: true, userId: actor.userId });
        return item ?? fail('NOT_FOUND');
      });
    },

    async withdraw(ctx: RequestContext, id: string): Promise<ShowcaseItem> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('showcase_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row || row.user_id !== actor.userId) fail('NOT_FOUND', { field: 'id' });
        if (row.state !== 'pending' && row.state !== 'approved') fail('OPEN_SHOWCASE_STATE_INVALID', { details: { state: row.state } });
        const updated = await trx
          .updateTable('showcase_items')
          .set({ state: 'withdrawn' })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'open.showcase.withdraw',
          subjectType: SUBJECT,
          subjectId: id,
          details: { from: row.state },
        });
        const [item] = await present(trx, [updated], { own: true, userId: actor.userId });
        return item ?? fail('NOT_FOUND');
      });
    },
  };
}

export type ShowcaseService = ReturnType<typeof createShowcaseService>;
