/**
 * The public data catalog (R2.2, R9.1, R10.1–R10.3, R13.1, R18.1–R18.3): stewards draft and
 * submit entries and changes; the bureau's formal review runs on the deadline engine and ends in
 * approval (publication through the node) or a return with all its reasons; lowering an open or
 * share attribute needs the bureau administrators' own approval step; every version stays visible.
 */
import type { CatalogResource, CatalogVersion, MyEntry, Overlap, Problem, SearchQuery, SearchResult } from '@gongshu/contracts';
import {
  addWorkingDays,
  authorize,
  diffMetadata,
  DomainError,
  downgradesOf,
  fail,
  findFieldOverlaps,
  needsJustification,
  refuse,
  resourceCode,
  shanghaiDateOf,
  validateResourceMetadata,
  type FieldOverlap,
  type Refusal,
  type ResourceMetadata,
  type UserActor,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { loadWorkingCalendar } from '../calendar/calendar.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { agencyRecipients, insertNotifications } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import {
  classificationPath,
  findVersion,
  findVersionByNumber,
  listResourceVersions,
  listVersionsInState,
  metadataOf,
  nextSequence,
  nextVersionNumber,
  OPEN_STATES,
  publishedFields,
  type VersionWithResource,
} from './catalog.repository.js';
import { bumpCatalogGeneration, indexResource, searchCatalog } from './catalog-search.js';
import { ensureResourceTable } from '../aggregation/data-tables.js';

const SUBJECT = 'catalog_version';
const EDITABLE = ['draft', 'returned'];

export interface DraftInput {
  metadata: ResourceMetadata;
  justification?: string | null | undefined;
  changeReason?: string | null | undefined;
  lawChangeDate?: string | null | undefined;
}

const toProblem = (r: Refusal): Problem => ({
  code: r.code,
  message: r.message,
  ...(r.field ? { field: r.field } : {}),
  ...(r.requirement ? { requirement: r.requirement } : {}),
});
const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

export function createCatalogService(deps: { db: Kysely<Database>; audit: AuditService; clock: Clock; deadlines: DeadlinesService }) {
  const { db, audit, clock, deadlines } = deps;

  async function overlapsFor(trx: Executor, metadata: ResourceMetadata, resourceId: string | null): Promise<FieldOverlap[]> {
    const published = (await publishedFields(trx, resourceId)).map((r) => ({
      resourceId: r.id,
      resourceCode: r.code ?? '',
      resourceName: r.name,
      providerName: r.provider_name,
      fields: (r.fields as ResourceMetadata['fields'] | null) ?? [],
    }));
    return findFieldOverlaps(metadata.fields, published);
  }

  /** Every problem that stops a submission: metadata rules, classification, R9.1 and R10.3. */
  async function problemsOf(trx: Executor, input: DraftInput & { kind: string }, overlaps: readonly FieldOverlap[]): Promise<Refusal[]> {
    const problems = validateResourceMetadata(input.metadata);
    const cls = await trx
      .selectFrom('catalog_classes')
      .select('level')
      .where('code', '=', input.metadata.classificationCode)
      .executeTakeFirst();
    if (!blank(input.metadata.classificationCode) && (!cls || cls.level < 3)) {
      problems.push(
        refuse('CATALOG_CLASSIFICATION_UNKNOWN', {
          field: 'classificationCode',
          message: {
            zh: `资源分类“${input.metadata.classificationCode}”不存在或不是“目”或“细目”`,
            en: `Classification "${input.metadata.classificationCode}" does not exist or is not a 目 or 细目`,
          },
        }),
      );
    }
    // R9.1: collecting again what is already shared needs a justification.
    if (needsJustification(overlaps) && blank(input.justification))
      problems.push(refuse('CATALOG_DUPLICATION_UNJUSTIFIED', { field: 'justification' }));
    if (input.kind === 'change' && (blank(input.changeReason) || blank(input.lawChangeDate)))
      problems.push(refuse('CATALOG_CHANGE_REASON_REQUIRED', { field: blank(input.changeReason) ? 'changeReason' : 'lawChangeDate' }));
    return problems;
  }

  async function present(trx: Executor, v: VersionWithResource): Promise<CatalogVersion> {
    const metadata = metadataOf(v);
    const live = EDITABLE.includes(v.state);
    const overlaps = live ? await overlapsFor(trx, metadata, v.resource_id) : (v.overlaps as FieldOverlap[]);
    const problems = live
      ? await problemsOf(
          trx,
          { ...v, metadata, justification: v.justification, changeReason: v.change_reason, lawChangeDate: v.law_change_date },
          overlaps,
        )
      : [];
    let changes: CatalogVersion['changes'] = [];
    if (v.kind === 'change') {
      const base = await trx
        .selectFrom('catalog_versions')
        .select('metadata')
        .where('resource_id', '=', v.resource_id)
        .where('state', 'in', ['published', 'superseded'])
        .where('number', '<', v.number)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (base) changes = diffMetadata(metadataOf(base), metadata);
    }
    const active = await deadlines.activeFor(trx, SUBJECT, [v.id]);
    return {
      id: v.id,
      resourceId: v.resource_id,
      resourceCode: v.resource_code,
      number: v.number,
      kind: v.kind as CatalogVersion['kind'],
      state: v.state as CatalogVersion['state'],
      metadata: metadata as CatalogVersion['metadata'],
      provider: { id: v.provider_agency_id, name: v.provider_name, divisionCode: v.provider_division_code },
      problems: problems.map(toProblem),
      overlaps: overlaps as Overlap[],
      needsJustification: needsJustification(overlaps),
      justification: v.justification,
      changeReason: v.change_reason,
      lawChangeDate: v.law_change_date,
      filingDueOn: v.filing_due_on,
      filedLate: v.filed_late,
      downgrades: v.downgrades as CatalogVersion['downgrades'],
      changes,
      createdAt: v.created_at.toISOString(),
      updatedAt: v.updated_at.toISOString(),
      submittedAt: v.submitted_at?.toISOString() ?? null,
      reviewedAt: v.reviewed_at?.toISOString() ?? null,
      reviewComment: v.review_comment,
      returnReasons: v.return_reasons as CatalogVersion['returnReasons'],
      publishedAt: v.published_at?.toISOString() ?? null,
      deadline: active.get(v.id) ?? null,
    };
  }

  async function load(trx: Executor, id: string, lock = false): Promise<VersionWithResource> {
    const v = await findVersion(trx, id, lock);
    if (!v) fail('NOT_FOUND', { field: 'id' });
    return v;
  }

  /** Unpublished versions are visible to their provider agency and the bureau only. */
  function assertCanSee(actor: UserActor, v: VersionWithResource): void {
    if (v.state === 'published' || v.state === 'superseded') return;
    if (authorize(actor, 'catalog.review').ok) return;
    if (actor.agency?.id === v.provider_agency_id) return;
    fail('NOT_FOUND', { field: 'id' });
  }

  function assertOwnEditable(actor: UserActor, v: VersionWithResource): void {
    if (actor.agency?.id !== v.provider_agency_id) fail('FORBIDDEN');
    if (!EDITABLE.includes(v.state)) fail('CATALOG_STATE_INVALID', { details: { state: v.state } });
  }

  async function bureauId(trx: Executor): Promise<string> {
    const row = await trx
      .selectFrom('agencies')
      .select('id')
      .where('kind', '=', 'bureau')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!row) throw new Error('the node has no bureau agency');
    return row.id;
  }

  async function notifyProvider(
    trx: Executor,
    v: VersionWithResource,
    kind: string,
    title: { zh: string; en: string },
    body: { zh: string; en: string },
  ): Promise<void> {
    await insertNotifications(
      trx,
      await agencyRecipients(trx, v.provider_agency_id),
      { kind, title, body, link: `/catalog/versions/${v.id}`, deadlineId: null },
      clock(),
    );
  }

  async function publish(trx: Executor, ctx: RequestContext, v: VersionWithResource): Promise<void> {
    const now = clock();
    const metadata = metadataOf(v);
    const code = v.resource_code ?? resourceCode(metadata.classificationCode, await nextSequence(trx, metadata.classificationCode));
    if (v.current_version_id)
      await trx.updateTable('catalog_versions').set({ state: 'superseded' }).where('id', '=', v.current_version_id).execute();
    await trx
      .updateTable('catalog_versions')
      .set({ state: 'published', published_at: now, updated_at: now })
      .where('id', '=', v.id)
      .execute();
    await trx
      .updateTable('catalog_resources')
      .set((eb) => ({
        code,
        current_version_id: v.id,
        last_published_at: now,
        first_published_at: eb.fn.coalesce('first_published_at', eb.val(now)),
      }))
      .where('id', '=', v.resource_id)
      .execute();
    const provider = await trx
      .selectFrom('agencies')
      .select(['name', 'sector'])
      .where('id', '=', v.provider_agency_id)
      .executeTakeFirstOrThrow();
    // The resource's data table follows its fields (issue 5): created or migrated with the publication.
    await ensureResourceTable(trx, { resourceId: v.resource_id, code, versionNumber: v.number, metadata, now });
    await bumpCatalogGeneration(trx);
    await indexResource(trx, {
      resourceId: v.resource_id,
      code,
      providerId: v.provider_agency_id,
      providerName: provider.name,
      sector: provider.sector,
      publishedAt: now,
      metadata,
    });
    await audit.record(trx, ctx, {
      action: 'catalog.publish',
      subjectType: 'catalog_resource',
      subjectId: v.resource_id,
      details: { code, version: v.number, name: metadata.name },
    });
    await notifyProvider(
      trx,
      v,
      'catalog.published',
      { zh: `目录已发布：${metadata.name}`, en: `Catalog entry published: ${metadata.name}` },
      { zh: `资源代码 ${code}，第 ${v.number} 版`, en: `Resource code ${code}, version ${v.number}` },
    );
  }

  async function filingDue(trx: Executor, lawChangeDate: string): Promise<string> {
    // R10.3: a change request is filed within N working days of the law or duty change.
    const limit = await deadlines.limitOf(trx, 'catalog.change_request.filing', new Date(`${lawChangeDate}T12:00:00+08:00`));
    const due = addWorkingDays(lawChangeDate, limit, await loadWorkingCalendar(trx), { unpublished: 'provisional' });
    if (!due.ok) throw new DomainError(due.refusal);
    return due.value.date;
  }

  /** Several new drafts in one transaction: all are saved or none (spreadsheet imports). */
  async function createDrafts(ctx: RequestContext, inputs: readonly DraftInput[]): Promise<CatalogVersion[]> {
    const actor = signedInUser(ctx);
    const agencyId = actor.agency?.id ?? fail('FORBIDDEN');
    // R2.2: data involving state secrets is never stored, not even as a draft.
    inputs.forEach((input, i) => {
      if (input.metadata.involvesStateSecret)
        fail('CATALOG_STATE_SECRET', { field: inputs.length > 1 ? `[${i}].involvesStateSecret` : 'involvesStateSecret' });
    });
    return db.transaction().execute(async (trx) => {
      const out: CatalogVersion[] = [];
      for (const input of inputs) {
        const now = clock();
        const resource = await trx
          .insertInto('catalog_resources')
          .values({ provider_agency_id: agencyId, created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow();
        const version = await trx
          .insertInto('catalog_versions')
          .values({
            resource_id: resource.id,
            number: 1,
            kind: 'initial',
            state: 'draft',
            metadata: JSON.stringify(input.metadata),
            justification: input.justification ?? null,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'catalog.draft.create',
          subjectType: SUBJECT,
          subjectId: version.id,
          details: { resourceId: resource.id, name: input.metadata.name },
        });
        out.push(await present(trx, await load(trx, version.id)));
      }
      return out;
    });
  }

  return {
    async classifications() {
      const rows = await db.selectFrom('catalog_classes').selectAll().orderBy('code').execute();
      return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code }));
    },

    search(ctx: RequestContext, query: SearchQuery): Promise<SearchResult> {
      const actor = ctx.actor;
      const openOnly = actor.kind !== 'user' || actor.roles.every((r) => r === 'public_user');
      return searchCatalog(db, query, { openOnly });
    },

    async resource(ctx: RequestContext, id: string): Promise<CatalogResource> {
      const actor = signedInUser(ctx);
      const resource = await db
        .selectFrom('catalog_resources as r')
        .innerJoin('agencies as a', 'a.id', 'r.provider_agency_id')
        .select([
          'r.id',
          'r.code',
          'r.current_version_id',
          'r.first_published_at',
          'r.last_published_at',
          'r.provider_agency_id',
          'a.name',
          'a.division_code',
        ])
        .where('r.id', '=', id)
        .executeTakeFirst();
      const own = actor.agency?.id === resource?.provider_agency_id || authorize(actor, 'catalog.review').ok;
      if (!resource || (!resource.current_version_id && !own)) fail('NOT_FOUND', { field: 'id' });
      const current = resource.current_version_id ? await present(db, await load(db, resource.current_version_id)) : null;
      if (current && current.metadata.open.type === 'none' && actor.roles.every((r) => r === 'public_user'))
        fail('NOT_FOUND', { field: 'id' });
      const versions = (await listResourceVersions(db, id)).filter((v) => own || v.state === 'published' || v.state === 'superseded');
      const classification = current ? await classificationPath(db, current.metadata.classificationCode) : [];
      return {
        id: resource.id,
        code: resource.code,
        provider: { id: resource.provider_agency_id, name: resource.name, divisionCode: resource.division_code },
        classification: classification.map((c) => ({ code: c.code, name: c.name })),
        current,
        versions: versions.map((v) => ({
          id: v.id,
          number: v.number,
          kind: v.kind as 'initial' | 'change',
          state: v.state as CatalogVersion['state'],
          changeReason: v.change_reason,
          submittedAt: v.submitted_at?.toISOString() ?? null,
          publishedAt: v.published_at?.toISOString() ?? null,
        })),
        firstPublishedAt: resource.first_published_at?.toISOString() ?? null,
        lastPublishedAt: resource.last_published_at?.toISOString() ?? null,
      };
    },

    async version(ctx: RequestContext, id: string): Promise<CatalogVersion> {
      const v = await load(db, id);
      assertCanSee(signedInUser(ctx), v);
      return present(db, v);
    },

    async diff(ctx: RequestContext, resourceId: string, from: number, to: number) {
      const actor = signedInUser(ctx);
      const [a, b] = await Promise.all([findVersionByNumber(db, resourceId, from), findVersionByNumber(db, resourceId, to)]);
      if (!a || !b) fail('NOT_FOUND', { field: !a ? 'from' : 'to' });
      assertCanSee(actor, a);
      assertCanSee(actor, b);
      return diffMetadata(metadataOf(a), metadataOf(b));
    },

    async mine(ctx: RequestContext): Promise<MyEntry[]> {
      const actor = signedInUser(ctx);
      const agencyId = actor.agency?.id ?? fail('FORBIDDEN');
      const rows = await db
        .selectFrom('catalog_versions as v')
        .innerJoin('catalog_resources as r', 'r.id', 'v.resource_id')
        .select([
          'r.id as resource_id',
          'r.code',
          'v.id',
          'v.number',
          'v.kind',
          'v.state',
          'v.change_reason',
          'v.submitted_at',
          'v.published_at',
          'v.metadata',
        ])
        .where('r.provider_agency_id', '=', agencyId)
        .where('v.state', 'in', ['published', ...OPEN_STATES])
        .orderBy('r.created_at')
        .execute();
      const byResource = new Map<string, MyEntry>();
      const pendingIds: string[] = [];
      for (const row of rows) {
        const summary = {
          id: row.id,
          number: row.number,
          kind: row.kind as 'initial' | 'change',
          state: row.state as CatalogVersion['state'],
          changeReason: row.change_reason,
          submittedAt: row.submitted_at?.toISOString() ?? null,
          publishedAt: row.published_at?.toISOString() ?? null,
        };
        const entry = byResource.get(row.resource_id) ?? {
          resourceId: row.resource_id,
          code: row.code,
          name: metadataOf(row).name,
          published: null,
          pending: null,
          problemCount: 0,
          deadline: null,
        };
        if (row.state === 'published') entry.published = summary;
        else {
          entry.pending = summary;
          entry.name = metadataOf(row).name;
          pendingIds.push(row.id);
          if (EDITABLE.includes(row.state)) entry.problemCount = validateResourceMetadata(metadataOf(row)).length;
        }
        byResource.set(row.resource_id, entry);
      }
      const active = await deadlines.activeFor(db, SUBJECT, pendingIds);
      for (const entry of byResource.values()) if (entry.pending) entry.deadline = active.get(entry.pending.id) ?? null;
      return [...byResource.values()];
    },

    async check(ctx: RequestContext, metadata: ResourceMetadata, resourceId: string | undefined) {
      signedInUser(ctx);
      const overlaps = await overlapsFor(db, metadata, resourceId ?? null);
      const problems = validateResourceMetadata(metadata);
      return { problems: problems.map(toProblem), overlaps: overlaps as Overlap[], needsJustification: needsJustification(overlaps) };
    },

    /** A new entry as a draft of the actor's agency; saved even with problems (they are listed). */
    async createDraft(ctx: RequestContext, input: DraftInput): Promise<CatalogVersion> {
      const [created] = await createDrafts(ctx, [input]);
      return created ?? fail('NOT_FOUND');
    },

    createDrafts,

    async updateDraft(ctx: RequestContext, id: string, input: DraftInput): Promise<CatalogVersion> {
      const actor = signedInUser(ctx);
      if (input.metadata.involvesStateSecret) fail('CATALOG_STATE_SECRET', { field: 'involvesStateSecret' });
      return db.transaction().execute(async (trx) => {
        const v = await load(trx, id, true);
        assertOwnEditable(actor, v);
        const lawChangeDate = v.kind === 'change' ? (input.lawChangeDate ?? v.law_change_date) : null;
        await trx
          .updateTable('catalog_versions')
          .set({
            metadata: JSON.stringify(input.metadata),
            justification: input.justification ?? null,
            state: 'draft',
            ...(v.kind === 'change'
              ? {
                  change_reason: input.changeReason ?? v.change_reason,
                  law_change_date: lawChangeDate,
                  filing_due_on: lawChangeDate ? await filingDue(trx, lawChangeDate) : null,
                }
              : {}),
            updated_at: clock(),
          })
          .where('id', '=', id)
          .execute();
        const changes = diffMetadata(metadataOf(v), input.metadata).map((c) => c.path);
        await audit.record(trx, ctx, {
          action: 'catalog.draft.update',
          subjectType: SUBJECT,
          subjectId: id,
          details: { changed: changes },
        });
        return present(trx, await load(trx, id));
      });
    },

    /** A change request (R10.3): a new draft version from the published one, with its cause and date. */
    async startChange(ctx: RequestContext, resourceId: string, changeReason: string, lawChangeDate: string): Promise<CatalogVersion> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const resource = await trx.selectFrom('catalog_resources').selectAll().where('id', '=', resourceId).forUpdate().executeTakeFirst();
        if (!resource || !resource.current_version_id) fail('NOT_FOUND', { field: 'id' });
        if (actor.agency?.id !== resource.provider_agency_id) fail('FORBIDDEN');
        const open = await trx
          .selectFrom('catalog_versions')
          .select('id')
          .where('resource_id', '=', resourceId)
          .where('state', 'in', OPEN_STATES)
          .executeTakeFirst();
        if (open)
          fail('CATALOG_STATE_INVALID', {
            details: { openVersionId: open.id },
            message: { zh: '该资源已有未完成的草稿或变更申请', en: 'The resource already has an open draft or change request' },
          });
        if (lawChangeDate > shanghaiDateOf(clock()))
          fail('VALIDATION_FAILED', {
            field: 'lawChangeDate',
            message: { zh: '法律法规或职责变更日期不能晚于今天', en: 'The law or duty change date cannot be in the future' },
          });
        const current = await load(trx, resource.current_version_id);
        const now = clock();
        const version = await trx
          .insertInto('catalog_versions')
          .values({
            resource_id: resourceId,
            number: await nextVersionNumber(trx, resourceId),
            kind: 'change',
            state: 'draft',
            metadata: JSON.stringify(metadataOf(current)),
            justification: current.justification,
            change_reason: changeReason,
            law_change_date: lawChangeDate,
            filing_due_on: await filingDue(trx, lawChangeDate),
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'catalog.change.start',
          subjectType: SUBJECT,
          subjectId: version.id,
          details: { resourceId, changeReason, lawChangeDate },
        });
        return present(trx, await load(trx, version.id));
      });
    },

    async discard(ctx: RequestContext, id: string): Promise<void> {
      const actor = signedInUser(ctx);
      await db.transaction().execute(async (trx) => {
        const v = await load(trx, id, true);
        assertOwnEditable(actor, v);
        await trx.updateTable('catalog_versions').set({ state: 'withdrawn', updated_at: clock() }).where('id', '=', id).execute();
        await audit.record(trx, ctx, { action: 'catalog.draft.withdraw', subjectType: SUBJECT, subjectId: id });
      });
    },

    /** Submits drafts for formal review, all or none; each opens its review step on the clock (R10.2, R10.3). */
    async submit(ctx: RequestContext, versionIds: readonly string[]): Promise<CatalogVersion[]> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const versions: VersionWithResource[] = [];
        const failures: { versionId: string; name: string; problems: Problem[] }[] = [];
        for (const id of versionIds) {
          const v = await load(trx, id, true);
          const facts = await loadAgencyFacts(trx, v.provider_agency_id);
          const decision = authorize(actor, 'agency.submit', facts ? { agency: facts } : {}); // R8.1
          if (!decision.ok) throw new DomainError(decision.refusal);
          if (!EDITABLE.includes(v.state)) fail('CATALOG_STATE_INVALID', { details: { versionId: id, state: v.state } });
          const metadata = metadataOf(v);
          const overlaps = await overlapsFor(trx, metadata, v.resource_id);
          const problems = await problemsOf(
            trx,
            { ...v, metadata, justification: v.justification, changeReason: v.change_reason, lawChangeDate: v.law_change_date },
            overlaps,
          );
          if (problems.length > 0) failures.push({ versionId: id, name: metadata.name, problems: problems.map(toProblem) });
          versions.push(v);
        }
        if (failures.length > 0) {
          throw new DomainError(refuse('CATALOG_INVALID', { details: { versions: failures } }));
        }
        const now = clock();
        const bureau = await bureauId(trx);
        for (const v of versions) {
          const metadata = metadataOf(v);
          const overlaps = await overlapsFor(trx, metadata, v.resource_id);
          let downgrades: string[] = [];
          if (v.kind === 'change' && v.current_version_id)
            downgrades = downgradesOf(metadataOf(await load(trx, v.current_version_id)), metadata);
          const filedLate = v.kind === 'change' && v.filing_due_on ? shanghaiDateOf(now) > v.filing_due_on : null;
          await trx
            .updateTable('catalog_versions')
            .set({
              state: 'submitted',
              submitted_by: actor.userId,
              submitted_at: now,
              updated_at: now,
              overlaps: JSON.stringify(overlaps),
              downgrades,
              filed_late: filedLate,
              return_reasons: '[]',
            })
            .where('id', '=', v.id)
            .execute();
          await deadlines.open(trx, ctx, {
            subjectType: SUBJECT,
            subjectId: v.id,
            step: v.kind === 'change' ? 'catalog.change_request.review' : 'catalog.submission.formal_review',
            title: `${v.provider_short_name ?? v.provider_name}：${metadata.name}`,
            link: `/catalog/reviews/${v.id}`,
            responsibleAgencyId: bureau,
            startedAt: now,
          });
          await audit.record(trx, ctx, {
            action: 'catalog.submit',
            subjectType: SUBJECT,
            subjectId: v.id,
            details: { resourceId: v.resource_id, kind: v.kind, overlaps: overlaps.length, downgrades, filedLate },
          });
        }
        return Promise.all(versions.map(async (v) => present(trx, await load(trx, v.id))));
      });
    },

    async reviewQueue(): Promise<CatalogVersion[]> {
      const rows = await listVersionsInState(db, ['submitted', 'downgrade_review']);
      const out: CatalogVersion[] = [];
      for (const v of rows) out.push(await present(db, v));
      return out.sort((a, b) => (a.deadline?.dueAt ?? '').localeCompare(b.deadline?.dueAt ?? ''));
    },

    /** The formal review approves: publish, or pass a downgrade to the administrators (R18.3). */
    async approve(ctx: RequestContext, id: string, comment: string | null): Promise<CatalogVersion> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const v = await load(trx, id, true);
        if (v.state !== 'submitted') fail('CATALOG_STATE_INVALID', { details: { state: v.state } });
        const now = clock();
        await trx
          .updateTable('catalog_versions')
          .set({ reviewed_by: actor.userId, reviewed_at: now, review_comment: comment, updated_at: now })
          .where('id', '=', id)
          .execute();
        await deadlines.completeActive(trx, ctx, SUBJECT, id);
        await audit.record(trx, ctx, {
          action: 'catalog.review.approve',
          subjectType: SUBJECT,
          subjectId: id,
          details: { comment, downgrades: v.downgrades },
        });
        if (v.downgrades.length > 0) {
          await trx.updateTable('catalog_versions').set({ state: 'downgrade_review' }).where('id', '=', id).execute();
          await deadlines.open(trx, ctx, {
            subjectType: SUBJECT,
            subjectId: id,
            step: 'catalog.downgrade.approval',
            title: `${v.provider_short_name ?? v.provider_name}：${metadataOf(v).name}（降低${v.downgrades.map((d) => (d === 'open' ? '开放' : '共享')).join('、')}属性）`,
            link: `/catalog/reviews/${id}`,
            responsibleAgencyId: await bureauId(trx),
            startedAt: now,
          });
        } else {
          await publish(trx, ctx, await load(trx, id));
        }
        return present(trx, await load(trx, id));
      });
    },

    /** Returns a submission with every reason at once, each with its legal basis where there is one. */
    async returnVersion(
      ctx: RequestContext,
      id: string,
      reasons: { reason: string; legalBasis: string | null }[],
    ): Promise<CatalogVersion> {
      const actor = signedInUser(ctx);
      if (reasons.length === 0 || reasons.some((r) => blank(r.reason))) fail('CATALOG_RETURN_REASONS_REQUIRED', { field: 'reasons' });
      return db.transaction().execute(async (trx) => {
        const v = await load(trx, id, true);
        if (v.state !== 'submitted') fail('CATALOG_STATE_INVALID', { details: { state: v.state } });
        const now = clock();
        await trx
          .updateTable('catalog_versions')
          .set({ state: 'returned', reviewed_by: actor.userId, reviewed_at: now, return_reasons: JSON.stringify(reasons), updated_at: now })
          .where('id', '=', id)
          .execute();
        await deadlines.completeActive(trx, ctx, SUBJECT, id);
        await audit.record(trx, ctx, { action: 'catalog.review.return', subjectType: SUBJECT, subjectId: id, details: { reasons } });
        await notifyProvider(
          trx,
          v,
          'catalog.returned',
          { zh: `目录被退回：${metadataOf(v).name}`, en: `Catalog entry returned: ${metadataOf(v).name}` },
          { zh: reasons.map((r) => r.reason).join('；'), en: `${reasons.length} reason(s) to address` },
        );
        return present(trx, await load(trx, id));
      });
    },

    /** The bureau administrators decide a downgrade (R18.3): publish, or return with the comment. */
    async decideDowngrade(ctx: RequestContext, id: string, approved: boolean, comment: string): Promise<CatalogVersion> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const v = await load(trx, id, true);
        if (v.state !== 'downgrade_review') fail('CATALOG_STATE_INVALID', { details: { state: v.state } });
        const now = clock();
        await trx
          .updateTable('catalog_versions')
          .set({ downgrade_decided_by: actor.userId, downgrade_decided_at: now, updated_at: now })
          .where('id', '=', id)
          .execute();
        await deadlines.completeActive(trx, ctx, SUBJECT, id);
        await audit.record(trx, ctx, {
          action: approved ? 'catalog.downgrade.approve' : 'catalog.downgrade.refuse',
          subjectType: SUBJECT,
          subjectId: id,
          details: { comment, downgrades: v.downgrades },
        });
        if (approved) {
          await publish(trx, ctx, await load(trx, id));
        } else {
          await trx
            .updateTable('catalog_versions')
            .set({
              state: 'returned',
              return_reasons: JSON.stringify([{ reason: comment, legalBasis: '《滕州市公共数据管理办法》第十八条' }]),
            })
            .where('id', '=', id)
            .execute();
          await notifyProvider(
            trx,
            v,
            'catalog.returned',
            { zh: `降级未获同意：${metadataOf(v).name}`, en: `Downgrade refused: ${metadataOf(v).name}` },
            { zh: comment, en: comment },
          );
        }
        return present(trx, await load(trx, id));
      });
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
