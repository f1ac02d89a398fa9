/**
 * Objections and suggestions on open resources (R20.2): any signed-in user reports an error,
 * omission or infringement, or suggests something, on an open resource (optionally naming a
 * field); the provider's data steward answers within the limit of the rule set
 * (open.objection.answer, 10 working days, the platform's default) on the deadline engine; the
 * answer and what was done are public. The public views carry no personal data: the raiser is
 * shown as a masked name (张*) or an organization's name.
 */
import type { routes } from '@gongshu/contracts';
import { authorize, DomainError, fail, maskName, refuse, shanghaiDateOf, type UserActor } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { findOpenResource } from '../ckan/open-resources.repository.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { insertNotifications } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import {
  metadataOf,
  nextObjectionNumber,
  OBJECTION_STEP,
  OBJECTION_SUBJECT,
  objectionsQuery,
  RESOURCE_STILL_OPEN,
  type ObjectionRow,
} from './open-participation.repository.js';

type Objection = routes.Objection;
type PublicObjection = routes.PublicObjection;

export type ObjectionKind = 'error' | 'omission' | 'infringement' | 'suggestion';
export type ObjectionAction = 'corrected' | 'will_correct' | 'no_change' | 'removed';

export interface RaiseInput {
  resourceId: string;
  kind: ObjectionKind;
  fieldCode?: string | undefined;
  description: string;
}

const PAGE = 20;
const KIND_NAMES: Record<ObjectionKind, { zh: string; en: string }> = {
  error: { zh: '数据错误', en: 'error' },
  omission: { zh: '数据遗漏', en: 'omission' },
  infringement: { zh: '侵权', en: 'infringement' },
  suggestion: { zh: '建议', en: 'suggestion' },
};
const ACTION_NAMES: Record<ObjectionAction, { zh: string; en: string }> = {
  corrected: { zh: '已更正', en: 'corrected' },
  will_correct: { zh: '将更正', en: 'will correct' },
  no_change: { zh: '无需更改', en: 'no change needed' },
  removed: { zh: '已删除相关数据', en: 'data removed' },
};

/** A masked name for citizens and agency people; an organization's own name. */
function raiserLabel(row: Pick<ObjectionRow, 'raiser_name' | 'raiser_kind'>): string {
  if (!row.raiser_name) return '—';
  return row.raiser_kind === 'organization' ? row.raiser_name : maskName(row.raiser_name);
}

function presentPublic(row: ObjectionRow, now: Date): PublicObjection {
  const metadata = metadataOf(row);
  const field = row.field_code ? metadata.fields.find((f) => f.code === row.field_code) : undefined;
  const overdue =
    row.deadline_state === 'overdue' ||
    (row.deadline_state === 'open' && row.due_at !== null && now > row.due_at) ||
    (row.deadline_state === 'met' && row.met_at !== null && row.due_at !== null && row.met_at > row.due_at);
  return {
    id: row.id,
    number: row.number,
    resource: { id: row.resource_id, name: metadata.name, code: row.resource_code },
    provider: { id: row.provider_agency_id, name: row.provider_name },
    kind: row.kind,
    field: row.field_code ? { code: row.field_code, name: field?.name ?? row.field_code } : null,
    description: row.description,
    raisedBy: raiserLabel(row),
    state: row.state,
    createdAt: row.created_at.toISOString(),
    dueOn: row.due_on ?? null,
    overdue,
    answer:
      row.state === 'answered' && row.answer && row.answer_action && row.answered_at
        ? { text: row.answer, action: row.answer_action, at: row.answered_at.toISOString() }
        : null,
  };
}

export function createObjectionsService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; deadlines: DeadlinesService }) {
  const { db, audit, clock, deadlines } = deps;

  async function mayAnswer(trx: Executor, actor: UserActor, providerAgencyId: string): Promise<boolean> {
    if (actor.agency?.id !== providerAgencyId) return false;
    const facts = await loadAgencyFacts(trx, providerAgencyId);
    return authorize(actor, 'open.provide', facts ? { agency: facts } : {}).ok;
  }

  async function present(trx: Executor, actor: UserActor, rows: ObjectionRow[]): Promise<Objection[]> {
    const active = await deadlines.activeFor(
      trx,
      OBJECTION_SUBJECT,
      rows.filter((r) => r.state === 'open').map((r) => r.id),
    );
    const now = clock();
    const answerable = new Map<string, boolean>();
    const out: Objection[] = [];
    for (const row of rows) {
      if (!answerable.has(row.provider_agency_id))
        answerable.set(row.provider_agency_id, await mayAnswer(trx, actor, row.provider_agency_id));
      out.push({
        ...presentPublic(row, now),
        deadline: active.get(row.id) ?? null,
        canAnswer: row.state === 'open' && (answerable.get(row.provider_agency_id) ?? false),
      });
    }
    return out;
  }

  async function one(trx: Executor, actor: UserActor, id: string): Promise<Objection> {
    const row = await objectionsQuery(trx).where('o.id', '=', id).executeTakeFirst();
    if (!row) fail('NOT_FOUND', { field: 'id' });
    const [presented] = await present(trx, actor, [row]);
    if (!presented) fail('NOT_FOUND', { field: 'id' });
    return presented;
  }

  return {
    /** The public list (anonymous): objections on resources that are still open, newest first. */
    async listPublic(filter: {
      resourceId?: string | undefined;
      state?: 'open' | 'answered' | undefined;
      kind?: ObjectionKind | undefined;
      page?: number | undefined;
    }): Promise<{ items: PublicObjection[]; total: number }> {
      let q = objectionsQuery(db).where(RESOURCE_STILL_OPEN);
      if (filter.resourceId) q = q.where('o.resource_id', '=', filter.resourceId);
      if (filter.state) q = q.where('o.state', '=', filter.state);
      if (filter.kind) q = q.where('o.kind', '=', filter.kind);
      const page = filter.page ?? 1;
      const [rows, count] = [
        await q
          .orderBy('o.created_at', 'desc')
          .orderBy('o.number', 'desc')
          .limit(PAGE)
          .offset((page - 1) * PAGE)
          .execute(),
        await q
          .clearSelect()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ];
      const now = clock();
      return { items: rows.map((r) => presentPublic(r, now)), total: Number(count.n) };
    },

    /** Raises an objection on an open resource; the provider's step opens on the clock and its steward is told. */
    async raise(ctx: RequestContext, input: RaiseInput): Promise<Objection> {
      const actor = signedInUser(ctx);
      const description = input.description.trim();
      return db.transaction().execute(async (trx) => {
        const resource = await findOpenResource(trx, { id: input.resourceId });
        if (!resource) fail('OPEN_NOT_AVAILABLE', { field: 'resourceId' });
        const problems = [];
        if (input.fieldCode && !resource.metadata.fields.some((f) => f.code === input.fieldCode)) {
          problems.push(
            refuse('VALIDATION_FAILED', {
              field: 'fieldCode',
              message: { zh: '该资源没有这个信息项', en: 'The resource has no such field' },
            }),
          );
        }
        if ([...description].length < 5) {
          problems.push(
            refuse('VALIDATION_FAILED', {
              field: 'description',
              message: { zh: '请具体说明问题或建议（至少 5 个字）', en: 'Describe the problem or suggestion (at least 5 characters)' },
            }),
          );
        }
        const [first] = problems;
        if (first) {
          const list = problems.map((p) => ({ code: p.code, message: p.message, field: p.field ?? null, requirement: null }));
          throw new DomainError({ ...first, details: { problems: list } });
        }
        const now = clock();
        const number = await nextObjectionNumber(trx, shanghaiDateOf(now).slice(0, 4));
        const row = await trx
          .insertInto('open_objections')
          .values({
            number,
            resource_id: resource.resourceId,
            provider_agency_id: resource.agency.id,
            user_id: actor.userId,
            kind: input.kind,
            field_code: input.fieldCode ?? null,
            description,
            state: 'open',
            created_at: now,
          })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'open.objection.raise',
          subjectType: OBJECTION_SUBJECT,
          subjectId: row.id,
          details: { number, resourceId: resource.resourceId, kind: input.kind, ...(input.fieldCode ? { field: input.fieldCode } : {}) },
        });
        // Opening the step notifies the provider's stewards (the deadline engine's "new" notice).
        await deadlines.open(trx, ctx, {
          subjectType: OBJECTION_SUBJECT,
          subjectId: row.id,
          step: OBJECTION_STEP,
          title: `${KIND_NAMES[input.kind].zh} ${number}：${resource.metadata.name}`,
          link: '/open-admin/objections',
          responsibleAgencyId: resource.agency.id,
          startedAt: now,
        });
        return one(trx, actor, row.id);
      });
    },

    /** The objections I raised, newest first. */
    async mine(ctx: RequestContext): Promise<Objection[]> {
      const actor = signedInUser(ctx);
      const rows = await objectionsQuery(db).where('o.user_id', '=', actor.userId).orderBy('o.created_at', 'desc').limit(500).execute();
      return present(db, actor, rows);
    },

    /** The provider's queue (the bureau: every agency): open first, the earliest due first. */
    async queue(ctx: RequestContext, state?: 'open' | 'answered'): Promise<Objection[]> {
      const actor = signedInUser(ctx);
      let q = objectionsQuery(db);
      if (!authorize(actor, 'open.review').ok) q = q.where('o.provider_agency_id', '=', actor.agency?.id ?? fail('FORBIDDEN'));
      if (state) q = q.where('o.state', '=', state);
      const rows = await q.orderBy('o.state', 'desc').orderBy('d.due_at', 'asc').orderBy('o.created_at', 'desc').limit(500).execute();
      return present(db, actor, rows);
    },

    /** The provider's steward answers; the step is met (late when past due), the raiser is told. */
    async answer(ctx: RequestContext, id: string, input: { answer: string; action: ObjectionAction }): Promise<Objection> {
      const actor = signedInUser(ctx);
      const text = input.answer.trim();
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('open_objections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) fail('NOT_FOUND', { field: 'id' });
        if (!(await mayAnswer(trx, actor, row.provider_agency_id))) {
          // Someone else's objection: the bureau and other agencies learn only that they may not.
          if (actor.agency?.id === row.provider_agency_id || authorize(actor, 'open.review').ok) fail('FORBIDDEN');
          fail('NOT_FOUND', { field: 'id' });
        }
        if (row.state !== 'open') fail('OPEN_OBJECTION_ANSWERED');
        if ([...text].length < 5) {
          fail('VALIDATION_FAILED', {
            field: 'answer',
            message: { zh: '请给出答复内容（至少 5 个字）', en: 'Write the answer (at least 5 characters)' },
          });
        }
        const now = clock();
        await trx
          .updateTable('open_objections')
          .set({ state: 'answered', answer: text, answer_action: input.action, answered_by_user_id: actor.userId, answered_at: now })
          .where('id', '=', id)
          .execute();
        await deadlines.completeActive(trx, ctx, OBJECTION_SUBJECT, id);
        await audit.record(trx, ctx, {
          action: 'open.objection.answer',
          subjectType: OBJECTION_SUBJECT,
          subjectId: id,
          details: { number: row.number, action: input.action },
        });
        if (row.user_id) {
          await insertNotifications(
            trx,
            [row.user_id],
            {
              kind: 'open.objection.answered',
              title: { zh: `您的异议 ${row.number} 已答复`, en: `Your objection ${row.number} has been answered` },
              body: {
                zh: `处理结果：${ACTION_NAMES[input.action].zh}。${text}`,
                en: `Outcome: ${ACTION_NAMES[input.action].en}. ${text}`,
              },
              link: '/me/objections',
              deadlineId: null,
            },
            now,
          );
        }
        return one(trx, actor, id);
      });
    },
  };
}

export type ObjectionsService = ReturnType<typeof createObjectionsService>;
