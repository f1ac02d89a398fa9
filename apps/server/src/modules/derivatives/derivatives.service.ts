/**
 * Opening `none` data after de-identification (R18.4). The provider's steward defines a derivative
 * of a published resource of open type none (keep, drop, generalize or mask per field; the
 * quasi-identifiers; k), runs the k-anonymity check over the transformed data in SQL, records the
 * right holder's consent when there is one, and publishes: the derivative's table is materialized
 * in resource_data in the publishing transaction, the bureau is notified, the open exit serves it.
 * Every write is audited in its transaction.
 */
import {
  derivativeDownloadPath,
  derivativePortalPath,
  DISTRIBUTION_FORMATS,
  openCitation,
  type DerivativeCheck,
  type DerivativeDetail,
  type DerivativeSample,
  type DerivativeField,
  type DerivativeSource,
  type DerivativeSummary,
  type PublicDerivative,
  type PublicDerivativeSummary,
} from '@gongshu/contracts';
import {
  authorize,
  DEFAULT_K,
  DomainError,
  fail,
  isDirectIdentifier,
  kAnonymityOfHistogram,
  mayPublishDerivative,
  nextDerivativeState,
  shanghaiDateOf,
  validateConsent,
  validatePlan,
  type ClassSizeCount,
  type DeidentificationPlan,
  type DerivativeAction,
  type DerivativeConsent,
  type DerivativeState,
  type FieldSpec,
  type FieldTreatment,
  type KAnonymityResult,
  type Refusal,
  type UserActor,
} from '@gongshu/domain';
import type { Kysely } from 'kysely';
import { signedInUser, type Clock, type RequestContext } from '../../context.js';
import type { Executor } from '../../db/executor.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { nodeIdentity } from '../ckan/open-resources.repository.js';
import { bureauUsersWithRole, insertNotifications } from '../notifications/notifications.repository.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import { clearSource } from '../encryption/clear-copy.js';
import type { FieldCipher } from '../encryption/field-cipher.js';
import {
  classSizeHistogram,
  currentBatch,
  derivativesQuery,
  dropMaterialized,
  findSource,
  listLoadedSources,
  lockDerivative,
  lockSourceTable,
  materialize,
  sampleRows,
  type DerivativeRowFull,
  type PlannedField,
  type SourceRow,
} from './derivatives.repository.js';

export const DERIVATIVE_SUBJECT = 'open_derivative';
/** Class sizes above this are shown as one bar ("more"). */
const HISTOGRAM_CAP = 50;
/** Rows of the editor's sample. */
const SAMPLE_ROWS = 20;

/** One field of open_derivatives.transforms (the shape the open exit reads). */
interface TransformField {
  code: string;
  name: string;
  dataType: string;
  sourceDataType: string;
  action: 'keep' | 'drop' | 'generalize' | 'mask';
  rule?: Record<string, unknown>;
}

/** What is stored in check_result: the domain's result, the histogram and the data it was run on. */
interface StoredCheck extends KAnonymityResult {
  histogram: ClassSizeCount[];
  quasiIdentifiers: string[];
  batchId: string | null;
  tableVersion: number | null;
  dataLoadedAt: string | null;
}

export interface PlanInput {
  name: string;
  description?: string | null | undefined;
  treatments: Record<string, FieldTreatment>;
  quasiIdentifiers: string[];
  k?: number | undefined;
}

/** All problems at once: the first as the error, every one in details.problems (as the sharing wizard shows them). */
function refuseAll(problems: Refusal[]): never {
  const [first] = problems;
  if (!first) fail('VALIDATION_FAILED');
  const list = problems.map((p) => ({ code: p.code, message: p.message, field: p.field ?? null, requirement: p.requirement ?? null }));
  throw new DomainError({ ...first, details: { ...first.details, problems: list } });
}

function isBureau(actor: UserActor): boolean {
  return authorize(actor, 'open.review').ok;
}

function toTransform(field: FieldSpec, t: FieldTreatment): TransformField {
  const base = { code: field.code, name: field.name, sourceDataType: field.dataType };
  switch (t.kind) {
    case 'keep':
      return { ...base, dataType: field.dataType, action: 'keep' };
    case 'drop':
      return { ...base, dataType: field.dataType, action: 'drop' };
    case 'generalize_date':
      return { ...base, dataType: 'string', action: 'generalize', rule: { kind: 'date', to: t.to } };
    case 'band':
      return { ...base, dataType: 'string', action: 'generalize', rule: { kind: 'band', width: t.width } };
    case 'prefix':
      return { ...base, dataType: 'string', action: 'generalize', rule: { kind: 'prefix', length: t.length } };
    case 'mask':
      return { ...base, dataType: 'string', action: 'mask', rule: { mask: t.mask } };
  }
}

function fromTransform(f: TransformField): FieldTreatment {
  const rule = f.rule ?? {};
  switch (f.action) {
    case 'keep':
      return { kind: 'keep' };
    case 'drop':
      return { kind: 'drop' };
    case 'mask':
      return { kind: 'mask', mask: rule.mask as Extract<FieldTreatment, { kind: 'mask' }>['mask'] };
    case 'generalize':
      if (rule.kind === 'date') return { kind: 'generalize_date', to: rule.to === 'month' ? 'month' : 'year' };
      if (rule.kind === 'band') return { kind: 'band', width: Number(rule.width) };
      return { kind: 'prefix', length: Number(rule.length) };
  }
}

function transformsOf(row: { transforms: unknown }): TransformField[] {
  return (row.transforms as { fields?: TransformField[] }).fields ?? [];
}

function storedCheck(row: { check_result: unknown }): StoredCheck | null {
  return (row.check_result as StoredCheck | null) ?? null;
}

function storedConsent(row: { consent: unknown }): DerivativeConsent | null {
  return (row.consent as DerivativeConsent | null) ?? null;
}

/** A check is stale when the source was loaded again or its table changed version since. */
function isStale(check: StoredCheck, source: Pick<SourceRow, 'lastBatchId' | 'tableVersion'>): boolean {
  return check.batchId !== source.lastBatchId || check.tableVersion !== source.tableVersion;
}

function cappedHistogram(histogram: readonly ClassSizeCount[]): ClassSizeCount[] {
  const out = histogram.filter((h) => h.size <= HISTOGRAM_CAP).map((h) => ({ ...h }));
  const more = histogram.filter((h) => h.size > HISTOGRAM_CAP).reduce((n, h) => n + h.classes, 0);
  if (more > 0) out.push({ size: HISTOGRAM_CAP + 1, classes: more });
  return out;
}

function presentCheck(check: StoredCheck | null, checkedAt: Date | null, source: SourceRow | null): DerivativeCheck | null {
  if (!check || !checkedAt) return null;
  return {
    passed: check.passed,
    k: check.k,
    smallestClass: check.smallestClass,
    classes: check.classes,
    violatingClasses: check.violatingClasses,
    violatingRows: check.violatingRows,
    rows: check.rows,
    histogram: cappedHistogram(check.histogram),
    quasiIdentifiers: check.quasiIdentifiers,
    checkedAt: checkedAt.toISOString(),
    dataLoadedAt: check.dataLoadedAt,
    stale: source ? isStale(check, source) : false,
  };
}

function sourceFields(fields: readonly FieldSpec[]) {
  return fields.map((f) => ({
    code: f.code,
    name: f.name,
    dataType: f.dataType,
    identifierRole: f.identifierRole,
    sensitivity: f.sensitivity,
    directIdentifier: isDirectIdentifier(f),
  }));
}

function isEligible(source: SourceRow | null): source is SourceRow & { tableName: string } {
  return (
    source !== null &&
    source.versionState === 'published' &&
    source.metadata.open.type === 'none' &&
    source.tableName !== null &&
    source.lastBatchId !== null
  );
}

function tableNameFor(id: string): string {
  return `od_${id.replaceAll('-', '')}`;
}

export function createDerivativesService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  publicUrl: string;
  /** R29.1: an encrypted source is read through a decrypted temporary copy, never as ciphertext in SQL. */
  cipher: FieldCipher;
}) {
  const { db, audit, clock } = deps;

  async function isProviderSteward(trx: Executor, actor: UserActor, providerAgencyId: string): Promise<boolean> {
    if (actor.agency?.id !== providerAgencyId) return false;
    const facts = await loadAgencyFacts(trx, providerAgencyId);
    return authorize(actor, 'open.provide', facts ? { agency: facts } : {}).ok;
  }

  function canRead(actor: UserActor, providerAgencyId: string): boolean {
    if (isBureau(actor)) return true;
    return authorize(actor, 'open.read').ok && actor.agency?.id === providerAgencyId;
  }

  /** The plan of the input against the source's fields; every field not named is dropped. */
  function planOf(input: PlanInput, fields: readonly FieldSpec[]): DeidentificationPlan {
    const treatments: Record<string, FieldTreatment> = {};
    for (const f of fields) treatments[f.code] = { kind: 'drop' };
    for (const [code, t] of Object.entries(input.treatments)) treatments[code] = t;
    return { treatments, quasiIdentifiers: input.quasiIdentifiers, k: input.k ?? DEFAULT_K };
  }

  function validated(input: PlanInput, source: SourceRow): DeidentificationPlan {
    const plan = planOf(input, source.metadata.fields);
    const problems = validatePlan(plan, source.metadata.fields);
    if (problems.length > 0) refuseAll(problems);
    return plan;
  }

  function planned(row: { transforms: unknown }, fields: readonly FieldSpec[]): PlannedField[] {
    const byCode = new Map(transformsOf(row).map((t) => [t.code, fromTransform(t)]));
    return fields.map((field) => ({ field, treatment: byCode.get(field.code) ?? { kind: 'drop' } }));
  }

  function checkState(state: string, action: DerivativeAction): DerivativeState {
    const next = nextDerivativeState(state as DerivativeState, action);
    if (!next.ok) throw new DomainError(next.refusal);
    return next.value;
  }

  function summaryOf(row: DerivativeRowFull, source: SourceRow | null): DerivativeSummary {
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      resource: {
        id: row.resource_id,
        code: source?.code ?? null,
        name: source?.metadata.name ?? '—',
        version: source?.versionNumber ?? 0,
      },
      provider: { id: row.provider_agency_id, name: row.provider_name },
      state: row.state,
      basis: row.basis,
      k: row.k,
      check: presentCheck(storedCheck(row), row.checked_at, source),
      rows: row.rows,
      createdAt: row.created_at.toISOString(),
      publishedAt: row.published_at?.toISOString() ?? null,
    };
  }

  function fieldsOf(row: { transforms: unknown; quasi_identifiers: unknown }): DerivativeField[] {
    const quasi = new Set(row.quasi_identifiers as string[]);
    return transformsOf(row).map((t) => ({
      code: t.code,
      name: t.name,
      dataType: t.sourceDataType as DerivativeField['dataType'],
      action: t.action,
      treatment: fromTransform(t),
      quasiIdentifier: quasi.has(t.code),
    }));
  }

  async function detail(trx: Executor, actor: UserActor, id: string): Promise<DerivativeDetail> {
    const row = await derivativesQuery(trx).where('d.id', '=', id).executeTakeFirst();
    if (!row || !canRead(actor, row.provider_agency_id)) fail('NOT_FOUND', { field: 'id' });
    const source = await findSource(trx, row.resource_id);
    const manage = await isProviderSteward(trx, actor, row.provider_agency_id);
    const editable = row.state !== 'published';
    const check = storedCheck(row);
    const consent = storedConsent(row);
    const fresh = check !== null && source !== null && !isStale(check, source);
    return {
      ...summaryOf(row, source),
      fields: fieldsOf(row),
      quasiIdentifiers: row.quasi_identifiers,
      consent,
      sourceFields: sourceFields(source?.metadata.fields ?? []),
      sourceRows: source?.rowCount ?? 0,
      dataLoadedAt: source?.lastLoadedAt?.toISOString() ?? null,
      createdBy: row.created_by_name,
      publishedBy: row.published_by_name,
      can: {
        edit: manage && editable,
        check: manage && editable && isEligible(source),
        consent: manage && editable,
        publish: manage && editable && isEligible(source) && ((fresh && check.passed) || consent !== null),
        withdraw: row.state === 'published' && (manage || isBureau(actor)),
      },
    };
  }

  /** Records the derivative's change in the audit trail and returns the derivative as the actor now sees it. */
  async function audited(
    trx: Executor,
    ctx: RequestContext,
    actor: UserActor,
    id: string,
    action: string,
    details: Record<string, unknown>,
  ): Promise<DerivativeDetail> {
    await audit.record(trx, ctx, { action, subjectType: DERIVATIVE_SUBJECT, subjectId: id, details });
    return detail(trx, actor, id);
  }

  /** Locks the derivative and checks the actor is the provider's steward. */
  async function managed(trx: Executor, actor: UserActor, id: string) {
    const row = await lockDerivative(trx, id);
    if (!row) fail('NOT_FOUND', { field: 'id' });
    const source = await findSource(trx, row.resource_id);
    if (!source) fail('NOT_FOUND', { field: 'id' });
    if (!(await isProviderSteward(trx, actor, source.providerAgencyId))) {
      if (canRead(actor, source.providerAgencyId)) fail('FORBIDDEN', { field: 'id' });
      fail('NOT_FOUND', { field: 'id' });
    }
    return { row, source };
  }

  /**
   * The stored plan, validated again against the source's fields as they are now, with the source
   * table locked and its current batch: check and publish both work on the data as it stands.
   */
  async function planOnCurrentData(
    trx: Executor,
    row: { transforms: unknown; quasi_identifiers: string[]; k: number },
    source: SourceRow & { tableName: string },
  ) {
    const plan = planned(row, source.metadata.fields);
    const problems = validatePlan(
      {
        treatments: Object.fromEntries(plan.map((p) => [p.field.code, p.treatment])),
        quasiIdentifiers: row.quasi_identifiers,
        k: row.k,
      },
      source.metadata.fields,
    );
    if (problems.length > 0) refuseAll(problems);
    await lockSourceTable(trx, source.tableName);
    return { plan, batch: await currentBatch(trx, source.id) };
  }

  /** The source's clear rows inside `trx`: its table, or a decrypted temporary copy when it is encrypted (R29.1). */
  function clearOf(trx: Executor, source: SourceRow & { tableName: string }) {
    return clearSource(trx, {
      cipher: deps.cipher,
      resourceId: source.id,
      table: source.tableName,
      fields: source.metadata.fields,
      layout: source.layout,
    });
  }

  function eligibleOrFail(source: SourceRow | null): asserts source is SourceRow & { tableName: string } {
    if (!isEligible(source)) fail('DEIDENTIFY_SOURCE_NOT_ELIGIBLE', { field: 'resourceId' });
  }

  function planColumns(plan: DeidentificationPlan, fields: readonly FieldSpec[]) {
    return {
      transforms: JSON.stringify({ fields: fields.map((f) => toTransform(f, plan.treatments[f.code] ?? { kind: 'drop' })) }),
      quasi_identifiers: JSON.stringify(plan.quasiIdentifiers),
      k: plan.k,
    };
  }

  return {
    async listManaged(ctx: RequestContext, state?: DerivativeState): Promise<DerivativeSummary[]> {
      const actor = signedInUser(ctx);
      let q = derivativesQuery(db);
      if (!isBureau(actor)) q = q.where('r.provider_agency_id', '=', actor.agency?.id ?? fail('FORBIDDEN'));
      if (state) q = q.where('d.state', '=', state);
      const rows = await q.orderBy('d.created_at', 'desc').orderBy('d.id').execute();
      const sources = new Map<string, SourceRow | null>();
      for (const id of new Set(rows.map((r) => r.resource_id))) sources.set(id, await findSource(db, id));
      return rows.map((r) => summaryOf(r, sources.get(r.resource_id) ?? null));
    },

    async sources(ctx: RequestContext): Promise<DerivativeSource[]> {
      const actor = signedInUser(ctx);
      const agencyId = isBureau(actor) ? null : (actor.agency?.id ?? fail('FORBIDDEN'));
      const rows = (await listLoadedSources(db, agencyId)).filter(isEligible);
      return rows.map((s) => ({
        id: s.id,
        code: s.code,
        name: s.metadata.name,
        version: s.versionNumber,
        provider: { id: s.providerAgencyId, name: s.providerName },
        rows: s.rowCount,
        lastLoadedAt: s.lastLoadedAt?.toISOString() ?? null,
        fields: sourceFields(s.metadata.fields),
      }));
    },

    async get(ctx: RequestContext, id: string): Promise<DerivativeDetail> {
      return detail(db, signedInUser(ctx), id);
    },

    /** The first rows as the saved plan would publish them, for the provider's people and the bureau (audited). */
    async sample(ctx: RequestContext, id: string): Promise<DerivativeSample> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await derivativesQuery(trx).where('d.id', '=', id).executeTakeFirst();
        if (!row || !canRead(actor, row.provider_agency_id)) fail('NOT_FOUND', { field: 'id' });
        const source = await findSource(trx, row.resource_id);
        eligibleOrFail(source);
        const kept = planned(row, source.metadata.fields).filter((p) => p.treatment.kind !== 'drop');
        const rows = kept.length > 0 ? await sampleRows(trx, await clearOf(trx, source), kept, SAMPLE_ROWS) : [];
        await audit.record(trx, ctx, {
          action: 'open.derivative.sample',
          subjectType: DERIVATIVE_SUBJECT,
          subjectId: id,
          details: { rows: rows.length, columns: kept.map((p) => p.field.code) },
        });
        return { columns: kept.map((p) => ({ code: p.field.code, name: p.field.name })), rows };
      });
    },

    async create(ctx: RequestContext, input: PlanInput & { resourceId: string }): Promise<DerivativeDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const source = await findSource(trx, input.resourceId);
        if (!source) fail('NOT_FOUND', { field: 'resourceId' });
        if (!(await isProviderSteward(trx, actor, source.providerAgencyId))) fail('FORBIDDEN', { field: 'resourceId' });
        eligibleOrFail(source);
        const plan = validated(input, source);
        const row = await trx
          .insertInto('open_derivatives')
          .values({
            resource_id: source.id,
            name: input.name.trim(),
            description: input.description?.trim() || null,
            ...planColumns(plan, source.metadata.fields),
            basis: 'k_anonymity',
            state: 'draft',
            created_by_user_id: actor.userId,
            created_at: clock(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        return audited(trx, ctx, actor, row.id, 'open.derivative.create', {
          resourceId: source.id,
          name: input.name,
          quasiIdentifiers: plan.quasiIdentifiers,
          k: plan.k,
        });
      });
    },

    /** A changed plan drops the stored check and consent: both were about the plan as it was. */
    async update(ctx: RequestContext, id: string, input: PlanInput): Promise<DerivativeDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const { row, source } = await managed(trx, actor, id);
        checkState(row.state, 'edit');
        const plan = validated(input, source);
        await trx
          .updateTable('open_derivatives')
          .set({
            name: input.name.trim(),
            description: input.description?.trim() || null,
            ...planColumns(plan, source.metadata.fields),
            check_result: null,
            checked_at: null,
            consent: null,
            basis: 'k_anonymity',
          })
          .where('id', '=', id)
          .execute();
        return audited(trx, ctx, actor, id, 'open.derivative.update', {
          name: input.name,
          quasiIdentifiers: plan.quasiIdentifiers,
          k: plan.k,
        });
      });
    },

    /** The k-anonymity check over the transformed quasi-identifiers, counted in SQL; its result is stored. */
    async check(ctx: RequestContext, id: string): Promise<DerivativeDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const { row, source } = await managed(trx, actor, id);
        checkState(row.state, 'check');
        eligibleOrFail(source);
        const { plan, batch } = await planOnCurrentData(trx, row, source);
        const quasi = new Set(row.quasi_identifiers);
        const histogram = await classSizeHistogram(
          trx,
          await clearOf(trx, source),
          plan.filter((p) => quasi.has(p.field.code)),
        );
        const result = kAnonymityOfHistogram(histogram, row.k);
        const stored: StoredCheck = {
          ...result,
          histogram,
          quasiIdentifiers: row.quasi_identifiers,
          batchId: batch?.last_batch_id ?? null,
          tableVersion: batch?.version_number ?? null,
          dataLoadedAt: batch?.last_loaded_at?.toISOString() ?? null,
        };
        await trx
          .updateTable('open_derivatives')
          .set({ check_result: JSON.stringify(stored), checked_at: clock() })
          .where('id', '=', id)
          .execute();
        return audited(trx, ctx, actor, id, 'open.derivative.check', { ...result, batchId: stored.batchId });
      });
    },

    async recordConsent(
      ctx: RequestContext,
      id: string,
      input: { holder: string; document: string; date: string },
    ): Promise<DerivativeDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const { row } = await managed(trx, actor, id);
        checkState(row.state, 'consent');
        const problems = validateConsent(input, shanghaiDateOf(clock()));
        if (problems.length > 0) refuseAll(problems);
        const who = await trx.selectFrom('users').select('display_name').where('id', '=', actor.userId).executeTakeFirst();
        const consent: DerivativeConsent = {
          holder: input.holder.trim(),
          document: input.document.trim(),
          date: input.date,
          recordedBy: who?.display_name ?? actor.username,
          recordedAt: clock().toISOString(),
        };
        await trx
          .updateTable('open_derivatives')
          .set({ consent: JSON.stringify(consent) })
          .where('id', '=', id)
          .execute();
        return audited(trx, ctx, actor, id, 'open.derivative.consent', {
          holder: consent.holder,
          document: consent.document,
          date: consent.date,
        });
      });
    },

    /**
     * Publishes after a passing check on the data as it is now, or with the recorded consent
     * (mayPublishDerivative): the table is built in this transaction, so a failure leaves nothing.
     */
    async publish(ctx: RequestContext, id: string): Promise<DerivativeDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const { row, source } = await managed(trx, actor, id);
        const next = checkState(row.state, 'publish');
        eligibleOrFail(source);
        const { plan, batch } = await planOnCurrentData(trx, row, source);
        const check = storedCheck(row);
        const consent = storedConsent(row);
        const current = { lastBatchId: batch?.last_batch_id ?? null, tableVersion: batch?.version_number ?? null };
        const stale = check !== null && isStale(check, current);
        const decision = mayPublishDerivative(stale ? null : check, consent);
        if (!decision.ok) {
          if (stale) fail('DEIDENTIFY_CHECK_STALE', { details: { checkedOn: check.batchId, current: current.lastBatchId } });
          throw new DomainError(decision.refusal);
        }
        const basis = !stale && check?.passed ? 'k_anonymity' : 'consent';
        const table = tableNameFor(id);
        const rows = await materialize(
          trx,
          await clearOf(trx, source),
          table,
          plan.filter((p) => p.treatment.kind !== 'drop'),
        );
        const now = clock();
        await trx
          .updateTable('open_derivatives')
          .set({ state: next, basis, table_name: table, rows, published_by_user_id: actor.userId, published_at: now })
          .where('id', '=', id)
          .execute();
        const bureau = [...(await bureauUsersWithRole(trx, 'bureau_admin')), ...(await bureauUsersWithRole(trx, 'bureau_reviewer'))];
        await insertNotifications(
          trx,
          bureau,
          {
            kind: 'open.derivative.published',
            title: { zh: `去标识化数据已开放：${row.name}`, en: `De-identified data opened: ${row.name}` },
            body: {
              zh: `${source.providerName}将《${source.metadata.name}》去标识化后开放（${basis === 'k_anonymity' ? `k-匿名检查通过，k = ${row.k}` : '依据权利人同意'}），共 ${rows} 行。`,
              en: `${source.providerName} opened a de-identified derivative of "${source.metadata.name}" (${basis === 'k_anonymity' ? `k-anonymity check passed, k = ${row.k}` : 'with the right holder’s consent'}), ${rows} rows.`,
            },
            link: `/open-admin/derivatives/${id}`,
            deadlineId: null,
          },
          now,
        );
        return audited(trx, ctx, actor, id, 'open.derivative.publish', { basis, table, rows, batchId: current.lastBatchId, k: row.k });
      });
    },

    /** Withdraws from the portal and drops the published table: what was opened can no longer be served. */
    async withdraw(ctx: RequestContext, id: string, reason: string): Promise<DerivativeDetail> {
      const actor = signedInUser(ctx);
      return db.transaction().execute(async (trx) => {
        const row = await lockDerivative(trx, id);
        if (!row) fail('NOT_FOUND', { field: 'id' });
        const source = await findSource(trx, row.resource_id);
        const provider = source?.providerAgencyId ?? '';
        if (!canRead(actor, provider)) fail('NOT_FOUND', { field: 'id' });
        if (!isBureau(actor) && !(await isProviderSteward(trx, actor, provider))) fail('FORBIDDEN', { field: 'id' });
        const next = checkState(row.state, 'withdraw');
        if (row.table_name) await dropMaterialized(trx, row.table_name);
        await trx.updateTable('open_derivatives').set({ state: next, table_name: null }).where('id', '=', id).execute();
        return audited(trx, ctx, actor, id, 'open.derivative.withdraw', { reason, table: row.table_name, rows: row.rows });
      });
    },

    async listPublic(): Promise<PublicDerivativeSummary[]> {
      const rows = await derivativesQuery(db)
        .where('d.state', '=', 'published')
        .orderBy('d.published_at', 'desc')
        .orderBy('d.id')
        .execute();
      const out: PublicDerivativeSummary[] = [];
      for (const row of rows) {
        const source = await findSource(db, row.resource_id);
        out.push({
          id: row.id,
          name: row.name,
          description: row.description,
          resource: {
            id: row.resource_id,
            code: source?.code ?? null,
            name: source?.metadata.name ?? '—',
            version: source?.versionNumber ?? 0,
          },
          provider: { name: row.provider_name },
          k: row.k,
          basis: row.basis,
          rows: row.rows ?? 0,
          fieldCount: transformsOf(row).filter((t) => t.action !== 'drop').length,
          publishedAt: (row.published_at ?? row.created_at).toISOString(),
        });
      }
      return out;
    },

    async getPublic(id: string): Promise<PublicDerivative> {
      const row = await derivativesQuery(db).where('d.id', '=', id).where('d.state', '=', 'published').executeTakeFirst();
      if (!row) fail('NOT_FOUND', { field: 'id' });
      const source = await findSource(db, row.resource_id);
      const check = storedCheck(row);
      const consent = storedConsent(row);
      const base = deps.publicUrl.replace(/\/$/, '');
      const node = await nodeIdentity(db);
      return {
        id: row.id,
        name: row.name,
        description: row.description,
        resource: {
          id: row.resource_id,
          code: source?.code ?? null,
          name: source?.metadata.name ?? '—',
          version: source?.versionNumber ?? 0,
        },
        provider: { name: row.provider_name },
        fields: fieldsOf(row),
        k: row.k,
        basis: row.basis,
        check:
          check && row.checked_at
            ? {
                passed: check.passed,
                k: check.k,
                smallestClass: check.smallestClass,
                classes: check.classes,
                rows: check.rows,
                quasiIdentifiers: check.quasiIdentifiers,
                checkedAt: row.checked_at.toISOString(),
              }
            : null,
        consent: consent ? { holder: consent.holder, document: consent.document, date: consent.date } : null,
        rows: row.rows ?? 0,
        publishedAt: (row.published_at ?? row.created_at).toISOString(),
        // The same line as the open exit's downloads of the derivative, so the copied line and the file agree (R23.1).
        citation: openCitation({
          provider: row.provider_name,
          resource: row.name,
          code: source?.code ?? null,
          version: source?.versionNumber ?? 0,
          retrievedOn: shanghaiDateOf(clock()),
          url: `${base}${derivativePortalPath(row.id)}`,
          platform: node.cityName ? `${node.cityName}公共数据开放平台` : null,
        }),
        downloads: DISTRIBUTION_FORMATS.map((d) => ({ format: d.format, label: d.label, url: derivativeDownloadPath(row.id, d.format) })),
      };
    },
  };
}

export type DerivativesService = ReturnType<typeof createDerivativesService>;
