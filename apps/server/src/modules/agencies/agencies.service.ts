/**
 * The agency register (R5.1): hierarchy, sector (R6.1), first responsible person (R27.1).
 * Only bureau administrators change it; every change is audited.
 */
import type { Agency, AgencyDetail, AgencyInput } from '@gongshu/contracts';
import { authorize, checkAgency, DomainError, fail, levelOfKind, type AgencyKind, type SecurityDuty, type Sector } from '@gongshu/domain';
import type { Kysely } from 'kysely';
import type { Clock, RequestContext } from '../../context.js';
import { uniqueViolation } from '../../db/errors.js';
import type { Executor } from '../../db/executor.js';
import type { AgencyRow, Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { loadAgencyFacts } from '../users/users.repository.js';
import {
  findAgencyRow,
  insertAgency,
  listAgencyRows,
  listChildren,
  listStewards,
  loadHierarchy,
  updateAgencyRow,
  type AgencyListRow,
} from './agencies.repository.js';

export interface AgenciesDeps {
  readonly db: Kysely<Database>;
  readonly audit: AuditService;
  readonly clock: Clock;
}

export type AgencyPatch = Partial<AgencyInput> & { active?: boolean };

function presentAgency(row: AgencyListRow): Agency {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as AgencyKind,
    level: row.level === 'town' ? 'town' : 'city',
    parentId: row.parent_id,
    divisionCode: row.division_code,
    creditCode: row.credit_code,
    sector: row.sector as Sector | null,
    sectorAuthorityOf: row.sector_authority_of as Sector | null,
    securityDuty: row.security_duty as SecurityDuty | null,
    active: row.active,
    stewardCount: row.steward_count,
    userCount: row.user_count,
  };
}

const UNIQUE_FIELDS: Record<string, string> = {
  agencies_code_key: 'code',
  agencies_name_key: 'name',
  agencies_credit_code_key: 'creditCode',
  agencies_sector_authority_of_key: 'sectorAuthorityOf',
};

function toRow(input: AgencyInput) {
  return {
    code: input.code,
    name: input.name,
    short_name: input.shortName ?? null,
    kind: input.kind,
    level: levelOfKind(input.kind),
    parent_id: input.parentId ?? null,
    division_code: input.divisionCode,
    credit_code: input.creditCode ? input.creditCode.toUpperCase() : null,
    sector: input.sector ?? null,
    sector_authority_of: input.sectorAuthorityOf ?? null,
    security_duty: input.securityDuty ?? null,
    responsible_person_name: input.responsiblePerson.name,
    responsible_person_title: input.responsiblePerson.title,
    responsible_person_phone: input.responsiblePerson.phone,
  };
}

function toInput(row: AgencyRow): AgencyInput {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as AgencyKind,
    parentId: row.parent_id,
    divisionCode: row.division_code,
    creditCode: row.credit_code,
    sector: row.sector as Sector | null,
    sectorAuthorityOf: row.sector_authority_of as Sector | null,
    securityDuty: row.security_duty as SecurityDuty | null,
    responsiblePerson: { name: row.responsible_person_name, title: row.responsible_person_title, phone: row.responsible_person_phone },
  };
}

async function validate(trx: Executor, input: AgencyInput, id?: string): Promise<void> {
  const { parentOf, kindOf } = await loadHierarchy(trx);
  const refusal = checkAgency(
    {
      ...(id ? { id } : {}),
      kind: input.kind,
      parentId: input.parentId ?? null,
      divisionCode: input.divisionCode,
      creditCode: input.creditCode ?? null,
      sector: input.sector ?? null,
      sectorAuthorityOf: input.sectorAuthorityOf ?? null,
      securityDuty: input.securityDuty ?? null,
      responsiblePersonName: input.responsiblePerson.name,
      responsiblePersonTitle: input.responsiblePerson.title,
    },
    parentOf,
    kindOf,
  );
  if (refusal) throw new DomainError(refusal);
}

async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint) fail('CONFLICT', { field: UNIQUE_FIELDS[constraint] ?? constraint });
    throw error;
  }
}

export function createAgenciesService(deps: AgenciesDeps) {
  const { db, audit, clock } = deps;

  async function detail(trx: Executor, id: string): Promise<AgencyDetail> {
    const row = await findAgencyRow(trx, id);
    if (!row) fail('NOT_FOUND', { field: 'id' });
    const [stewards, children] = await Promise.all([listStewards(trx, id), listChildren(trx, id)]);
    return {
      agency: presentAgency(row),
      responsiblePerson: { name: row.responsible_person_name, title: row.responsible_person_title, phone: row.responsible_person_phone },
      stewards: stewards.map((s) => ({ id: s.id, username: s.username, displayName: s.display_name })),
      children: children.map((c) => ({ id: c.id, name: c.name, kind: c.kind as AgencyKind })),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  return {
    async list(): Promise<Agency[]> {
      return (await listAgencyRows(db)).map(presentAgency);
    },

    /** The agencies of the sector the supervisor's agency is the authority of (R6.1). */
    async listSector(ctx: RequestContext): Promise<Agency[]> {
      const sector = ctx.actor.kind === 'user' ? ctx.actor.agency?.sectorAuthorityOf : null;
      if (!sector) fail('FORBIDDEN');
      return (await listAgencyRows(db, { sector })).map(presentAgency);
    },

    async get(ctx: RequestContext, id: string): Promise<AgencyDetail> {
      const facts = await loadAgencyFacts(db, id);
      if (!facts) fail('NOT_FOUND', { field: 'id' });
      const decision = authorize(ctx.actor, 'agency.read', { agency: facts });
      if (!decision.ok) throw new DomainError(decision.refusal);
      return detail(db, id);
    },

    async create(ctx: RequestContext, input: AgencyInput): Promise<AgencyDetail> {
      return saving(() =>
        db.transaction().execute(async (trx) => {
          await validate(trx, input);
          const row = await insertAgency(trx, toRow(input));
          await audit.record(trx, ctx, {
            action: 'agency.create',
            subjectType: 'agency',
            subjectId: row.id,
            details: { after: toInput(row) },
          });
          return detail(trx, row.id);
        }),
      );
    },

    async update(ctx: RequestContext, id: string, patch: AgencyPatch): Promise<AgencyDetail> {
      return saving(() =>
        db.transaction().execute(async (trx) => {
          const before = await findAgencyRow(trx, id);
          if (!before) fail('NOT_FOUND', { field: 'id' });
          const { active, ...fields } = patch;
          const merged: AgencyInput = { ...toInput(before), ...fields };
          await validate(trx, merged, id);
          const row = await updateAgencyRow(trx, id, {
            ...toRow(merged),
            ...(active === undefined ? {} : { active }),
            updated_at: clock(),
          });
          if (!row) fail('NOT_FOUND', { field: 'id' });
          await audit.record(trx, ctx, {
            action: 'agency.update',
            subjectType: 'agency',
            subjectId: id,
            details: { before: toInput(before), after: toInput(row), ...(active === undefined ? {} : { active }) },
          });
          return detail(trx, id);
        }),
      );
    },
  };
}

export type AgenciesService = ReturnType<typeof createAgenciesService>;
