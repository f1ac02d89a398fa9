/**
 * Problem data and quality settings (R11.1, R12.1, R12.2): the provider's queue of quarantined rows
 * and consumers' reports, tracked until fixed and confirmed; the spreadsheet of problem rows with
 * the reasons beside the data; the quality owner, rules and score history.
 */
import type { DataProblem, QualityView } from '@gongshu/contracts';
import { authorize, fail, NO_RULES, type QualityRules, type UserActor } from '@gongshu/domain';

import { sql, type Kysely, type Selectable } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import type { Database, DataProblemsTable } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { agencyRecipients, insertNotifications } from '../notifications/notifications.repository.js';
import { refuseOnEncrypted } from '../encryption/encryption-layout.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import { openRaw } from '../encryption/sealed-problems.js';
import type { LoadsService } from './loads.service.js';
import { presentProblem } from './presenters.js';

export function createDataQualityService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  loads: LoadsService;
  /** Opens problem rows sealed at load (resources encrypted at rest, R29.1). */
  cipher: FieldCipher;
}) {
  /** A problem as the steward sees it: the raw row opened when it was sealed (R29.1). */
  const present = (row: Selectable<DataProblemsTable>) => presentProblem({ ...row, raw: openRaw(deps.cipher, row.resource_id, row.raw) });
  const { db, audit, clock, loads } = deps;

  async function providerView(actor: UserActor, resourceId: string) {
    const t = await loads.target(resourceId);
    loads.authorizeRead(actor, t);
    return t;
  }

  const isProvider = (actor: UserActor, agencyId: string) =>
    actor.agency?.id === agencyId && actor.roles.some((r) => r === 'steward' || r === 'agency_staff');

  async function view(resourceId: string): Promise<QualityView> {
    const [settings, scores, table, open] = await Promise.all([
      db.selectFrom('quality_settings').selectAll().where('resource_id', '=', resourceId).executeTakeFirst(),
      db.selectFrom('quality_scores').selectAll().where('resource_id', '=', resourceId).orderBy('computed_at', 'desc').limit(60).execute(),
      db.selectFrom('resource_tables').select(['row_count', 'last_loaded_at']).where('resource_id', '=', resourceId).executeTakeFirst(),
      db
        .selectFrom('data_problems')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('resource_id', '=', resourceId)
        .where('state', '=', 'open')
        .executeTakeFirstOrThrow(),
    ]);
    const latest = scores[0];
    return {
      settings: {
        ownerUserId: settings?.owner_user_id ?? null,
        policy: (settings?.policy as 'reject' | 'quarantine' | undefined) ?? 'reject',
        threshold: settings ? Number(settings.threshold) : 0.05,
        rules: (settings?.rules as Record<string, unknown> | undefined) ?? { ...NO_RULES },
      },
      current: latest
        ? {
            completeness: latest.completeness,
            validity: latest.validity,
            uniqueness: latest.uniqueness,
            timeliness: latest.timeliness,
            score: latest.score,
            overdue: latest.overdue,
            computedAt: latest.computed_at.toISOString(),
          }
        : null,
      history: scores.reverse().map((s) => ({ computedAt: s.computed_at.toISOString(), score: s.score, overdue: s.overdue })),
      rowCount: table?.row_count ?? 0,
      lastLoadedAt: table?.last_loaded_at?.toISOString() ?? null,
      openProblems: open.n,
    };
  }

  return {
    async list(
      actor: UserActor,
      resourceId: string,
      filter: { state?: string | undefined; batchId?: string | undefined; limit?: number | undefined },
    ) {
      await providerView(actor, resourceId);
      let q = db.selectFrom('data_problems').where('resource_id', '=', resourceId);
      if (filter.state) q = q.where('state', '=', filter.state);
      if (filter.batchId) q = q.where('batch_id', '=', filter.batchId);
      const [rows, total] = await Promise.all([
        q
          .selectAll()
          .orderBy('created_at', 'desc')
          .orderBy('row_number')
          .limit(filter.limit ?? 200)
          .execute(),
        q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { total: total.n, items: rows.map(present) };
    },

    /** The open problem rows as a spreadsheet: the row as read, then the reasons (R12.2). */
    async workbook(actor: UserActor, resourceId: string, batchId: string | undefined): Promise<{ buffer: Buffer; name: string }> {
      const t = await providerView(actor, resourceId);
      let q = db
        .selectFrom('data_problems')
        .selectAll()
        .where('resource_id', '=', resourceId)
        .where('source', '=', 'load')
        .where('state', '=', 'open');
      if (batchId) q = q.where('batch_id', '=', batchId);
      const rows = await q.orderBy('batch_id').orderBy('row_number').limit(100_000).execute();
      const { default: Excel } = await import('exceljs');
      const workbook = new Excel.Workbook();
      const sheet = workbook.addWorksheet('问题数据');
      // The row's columns in the resource's field order (raw rows are stored as jsonb, which reorders keys).
      const position = (key: string) => {
        const at = t.fields.findIndex((f) => f.code === key || f.name === key);
        return at < 0 ? t.fields.length : at;
      };
      const dataColumns = [...new Set(rows.flatMap((r) => Object.keys(openRaw(deps.cipher, resourceId, r.raw) ?? {})))].sort(
        (a, b) => position(a) - position(b),
      );
      sheet.addRow(['源文件行号', ...dataColumns, '问题说明', '依据']);
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      const names = new Map(t.fields.map((f) => [f.code, f.name]));
      for (const r of rows) {
        const raw = openRaw(deps.cipher, resourceId, r.raw) ?? {};
        const problems = r.problems as DataProblem['problems'];
        sheet.addRow([
          r.row_number,
          ...dataColumns.map((c) => (raw[c] === undefined || raw[c] === null ? '' : String(raw[c] as string))),
          problems.map((p) => `${p.column ? `${names.get(p.column) ?? p.column}：` : ''}${p.message.zh}`).join('；'),
          [...new Set(problems.map((p) => p.requirement))].join('、'),
        ]);
      }
      return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), name: `${t.name}-问题数据.xlsx` };
    },

    /** Any signed-in user who can see the entry reports a problem; it joins the provider's queue. */
    async report(
      ctx: RequestContext,
      actor: UserActor,
      resourceId: string,
      input: { recordKey?: string | null | undefined; description: string },
    ) {
      const t = await loads.target(resourceId);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('data_problems')
          .values({
            resource_id: resourceId,
            source: 'report',
            problems: JSON.stringify([]),
            raw: null,
            record_key: input.recordKey ?? null,
            description: input.description,
            reporter_user_id: actor.userId,
            state: 'open',
            created_at: clock(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: 'data.problem.report',
          subjectType: 'data_problem',
          subjectId: row.id,
          details: { resourceId, recordKey: input.recordKey ?? null },
        });
        await insertNotifications(
          trx,
          await agencyRecipients(trx, t.providerAgencyId),
          {
            kind: 'data.problem.reported',
            title: { zh: `数据问题反馈：${t.name}`, en: `Data problem reported: ${t.name}` },
            body: { zh: input.description.slice(0, 200), en: input.description.slice(0, 200) },
            link: `/data/${resourceId}/problems`,
            deadlineId: null,
          },
          clock(),
        );
        return present(row);
      });
    },

    /** fix and dismiss by the provider; confirm by the quality owner or the bureau (R12.2). */
    async resolve(ctx: RequestContext, actor: UserActor, id: string, action: 'fix' | 'confirm' | 'dismiss', resolution: string) {
      const found = await db.selectFrom('data_problems').select('resource_id').where('id', '=', id).executeTakeFirst();
      if (!found) fail('NOT_FOUND', { field: 'id' });
      // Read before the transaction: on PGlite a query outside an open transaction waits for it.
      const t = await loads.target(found.resource_id);
      return db.transaction().execute(async (trx) => {
        const problem = await trx.selectFrom('data_problems').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!problem) fail('NOT_FOUND', { field: 'id' });
        const settings = await trx
          .selectFrom('quality_settings')
          .select('owner_user_id')
          .where('resource_id', '=', problem.resource_id)
          .executeTakeFirst();
        const now = clock();
        const allowed = {
          fix: problem.state === 'open' && isProvider(actor, t.providerAgencyId),
          dismiss: problem.state === 'open' && isProvider(actor, t.providerAgencyId),
          confirm: problem.state === 'fixed' && (settings?.owner_user_id === actor.userId || authorize(actor, 'catalog.review').ok),
        }[action];
        if (!allowed) {
          if (!isProvider(actor, t.providerAgencyId) && !authorize(actor, 'catalog.review').ok && settings?.owner_user_id !== actor.userId)
            fail('FORBIDDEN');
          fail('CONFLICT', {
            field: 'state',
            message: {
              zh: `问题处于“${problem.state}”状态，不能执行此操作`,
              en: `The problem is ${problem.state}: this action is not possible`,
            },
          });
        }
        const changes =
          action === 'fix'
            ? { state: 'fixed', resolution, fixed_at: now, fixed_by: actor.userId }
            : action === 'dismiss'
              ? { state: 'dismissed', resolution, fixed_at: now, fixed_by: actor.userId }
              : {
                  state: 'confirmed',
                  resolution: `${problem.resolution ?? ''}\n${resolution}`.trim(),
                  confirmed_at: now,
                  confirmed_by: actor.userId,
                };
        const row = await trx.updateTable('data_problems').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit.record(trx, ctx, {
          action: `data.problem.${action}`,
          subjectType: 'data_problem',
          subjectId: id,
          details: { resourceId: problem.resource_id, resolution },
        });
        return present(row);
      });
    },

    async quality(actor: UserActor, resourceId: string): Promise<QualityView> {
      await providerView(actor, resourceId);
      return view(resourceId);
    },

    async setQuality(
      ctx: RequestContext,
      actor: UserActor,
      resourceId: string,
      input: { ownerUserId: string | null; policy: 'reject' | 'quarantine'; threshold: number; rules: Partial<QualityRules> },
    ) {
      const t = await loads.target(resourceId);
      const steward = actor.agency?.id === t.providerAgencyId && actor.roles.includes('steward');
      if (!steward && !authorize(actor, 'catalog.review').ok) fail('FORBIDDEN');
      const columns = new Set(t.fields.map((f) => f.code));
      const named = [
        ...(input.rules.notNull ?? []),
        ...(input.rules.unique ?? []),
        ...(input.rules.patterns ?? []).map((p) => p.column),
        ...(input.rules.allowedValues ?? []).map((a) => a.column),
        ...(input.rules.ranges ?? []).map((r) => r.column),
        ...(input.rules.references ?? []).map((r) => r.column),
        ...(input.rules.freshnessColumn ? [input.rules.freshnessColumn] : []),
      ];
      const unknown = named.find((c) => !columns.has(c));
      if (unknown)
        fail('VALIDATION_FAILED', {
          field: 'rules',
          message: { zh: `规则引用了不存在的字段“${unknown}”`, en: `A rule names an unknown field "${unknown}"` },
        });
      for (const p of input.rules.patterns ?? []) {
        try {
          new RegExp(p.pattern, 'u');
        } catch {
          fail('VALIDATION_FAILED', {
            field: 'rules.patterns',
            message: { zh: `“${p.pattern}”不是有效的正则表达式`, en: `"${p.pattern}" is not a valid regular expression` },
          });
        }
      }
      // R29.1: a rule the database would have to evaluate on ciphertext is refused here, at set-up.
      const encrypted = new Map(t.layout.map((c) => [c.code, c]));
      if (input.rules.freshnessColumn && encrypted.has(input.rules.freshnessColumn)) {
        refuseOnEncrypted(input.rules.freshnessColumn, { zh: '作为时效日期', en: 'serving as the freshness date' });
      }
      for (const ref of input.rules.references ?? []) {
        const own = encrypted.get(ref.column);
        if (own && !own.blindIndex) refuseOnEncrypted(ref.column, { zh: '作引用核对', en: 'a reference check' });
      }
      for (const ref of input.rules.references ?? []) {
        const target = await db
          .selectFrom('catalog_resources as r')
          .innerJoin('catalog_versions as v', 'v.id', 'r.current_version_id')
          .select(sql<unknown>`v.metadata->'fields'`.as('fields'))
          .where('r.code', '=', ref.resourceCode)
          .executeTakeFirst();
        const fields = (target?.fields as { code: string }[] | undefined) ?? [];
        if (!fields.some((f) => f.code === ref.targetColumn)) {
          fail('VALIDATION_FAILED', {
            field: 'rules.references',
            message: {
              zh: `引用的资源 ${ref.resourceCode} 未发布或没有字段“${ref.targetColumn}”`,
              en: `Resource ${ref.resourceCode} is not published or has no field "${ref.targetColumn}"`,
            },
          });
        }
      }
      const rules: QualityRules = { ...NO_RULES, ...input.rules };
      await db.transaction().execute(async (trx) => {
        const values = {
          owner_user_id: input.ownerUserId,
          rules: JSON.stringify(rules),
          policy: input.policy,
          threshold: input.threshold,
          updated_at: clock(),
        };
        await trx
          .insertInto('quality_settings')
          .values({ resource_id: resourceId, ...values })
          .onConflict((oc) => oc.column('resource_id').doUpdateSet(values))
          .execute();
        await audit.record(trx, ctx, {
          action: 'data.quality.settings',
          subjectType: 'catalog_resource',
          subjectId: resourceId,
          details: { policy: input.policy, threshold: input.threshold, rules },
        });
      });
      return view(resourceId);
    },
  };
}

export type DataQualityService = ReturnType<typeof createDataQualityService>;
