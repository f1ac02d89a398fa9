/**
 * Correlation assessment (R31.1: where aggregation or correlation of data may create sensitive
 * data, a security assessment is required before it is done). Pure rules: whether granting a
 * request would let its consumer join two or more resources on the same person identifier with
 * data at level 3 or above, and whether a recorded assessment covers that risk.
 *
 * Definitions (docs/security.md, "Correlation assessment (R31.1)"):
 * - A person identifier is a field whose identifier role is `citizen_id` (公民身份号码). Unified
 *   social credit codes (`credit_code`) do not count: they identify legal persons and other
 *   organisations, and the catalog cannot tell an individual business's code (个体工商户, 92…)
 *   from a company's, so counting them would require an assessment for every pair of enterprise
 *   registers. `other_code` does not count either: two "other codes" need not share a key space.
 * - A field is at level 3 or above when its sensitivity is `sensitive` (三级) or
 *   `highly_sensitive` (四级), the same scale as the resource levels (SECURITY_LEVEL_LABELS).
 *   The person identifier itself is not counted: it is the join key, present on both sides, and
 *   counting it would make every pair of citizen-ID resources need an assessment.
 * - The correlation applies when the requested resource (with the fields asked or approved)
 *   carries a person identifier, the consumer holds at least one other resource in force (active
 *   or suspended grants not yet expired) whose granted fields carry the same identifier, and among
 *   these joinable resources at least one is security level 3 or above or has a granted field at
 *   level 3 or above. Masks do not remove the risk: the keyed hash mask is deterministic (hashed
 *   identifiers still join across grants) and partial masks link together with other fields.
 */
import type { IdentifierRole, Sensitivity } from '../catalog/vocabulary.js';

/** Identifier roles that name a natural person (see the module comment). */
export const PERSON_IDENTIFIER_ROLES: readonly IdentifierRole[] = ['citizen_id'];

/** Field sensitivities at level 3 (sensitive) or 4 (highly sensitive). */
export const LEVEL_3_SENSITIVITIES: readonly Sensitivity[] = ['sensitive', 'highly_sensitive'];

export interface CorrelationField {
  readonly code: string;
  readonly name: string;
  readonly identifierRole: IdentifierRole;
  readonly sensitivity: Sensitivity;
}

/** A resource with the fields the consumer holds (or asks for). */
export interface CorrelationResource {
  readonly resourceId: string;
  readonly code: string | null;
  readonly name: string;
  readonly providerName: string;
  readonly securityLevel: number;
  /** Only the fields granted (held) or asked for (requested). */
  readonly fields: readonly CorrelationField[];
  /** The grants that give the consumer this resource; empty for the requested one. */
  readonly grantNumbers: readonly string[];
}

export interface CorrelationInput {
  /** Resources the consumer holds through grants in force. */
  readonly held: readonly CorrelationResource[];
  readonly requested: CorrelationResource;
}

export interface JoinableResource {
  readonly resourceId: string;
  readonly code: string | null;
  readonly name: string;
  readonly providerName: string;
  readonly securityLevel: number;
  readonly requested: boolean;
  readonly grantNumbers: readonly string[];
  /** The person-identifier fields the join would use. */
  readonly identifierFields: readonly string[];
  /** Granted or asked fields at level 3 or above (the identifier itself not counted), code and name. */
  readonly level3Fields: readonly { readonly code: string; readonly name: string; readonly sensitivity: Sensitivity }[];
}

/** The risk a reviewer reads: recorded as the snapshot of an assessment. */
export interface CorrelationRisk {
  readonly applies: boolean;
  readonly identifierRole: IdentifierRole | null;
  /** The requested resource first, then the held ones by code. Empty when nothing joins. */
  readonly resources: readonly JoinableResource[];
  readonly reason: { readonly zh: string; readonly en: string };
}

const isPersonId = (f: CorrelationField) => PERSON_IDENTIFIER_ROLES.includes(f.identifierRole);
const isLevel3 = (f: CorrelationField) => LEVEL_3_SENSITIVITIES.includes(f.sensitivity) && !isPersonId(f);

function joinable(r: CorrelationResource, role: IdentifierRole, requested: boolean): JoinableResource {
  return {
    resourceId: r.resourceId,
    code: r.code,
    name: r.name,
    providerName: r.providerName,
    securityLevel: r.securityLevel,
    requested,
    grantNumbers: r.grantNumbers,
    identifierFields: r.fields.filter((f) => f.identifierRole === role).map((f) => f.code),
    level3Fields: r.fields.filter(isLevel3).map((f) => ({ code: f.code, name: f.name, sensitivity: f.sensitivity })),
  };
}

const NONE: CorrelationRisk = {
  applies: false,
  identifierRole: null,
  resources: [],
  reason: { zh: '不涉及按同一自然人标识关联三级及以上数据', en: 'No join of level 3+ data on the same person identifier' },
};

/** Merges several grants of one resource: the union of their fields and grant numbers. */
export function mergeHeld(list: readonly CorrelationResource[]): CorrelationResource[] {
  const byId = new Map<string, CorrelationResource>();
  for (const r of list) {
    const prior = byId.get(r.resourceId);
    if (!prior) {
      byId.set(r.resourceId, r);
      continue;
    }
    const codes = new Set(prior.fields.map((f) => f.code));
    byId.set(r.resourceId, {
      ...prior,
      fields: [...prior.fields, ...r.fields.filter((f) => !codes.has(f.code))],
      grantNumbers: [...prior.grantNumbers, ...r.grantNumbers],
    });
  }
  return [...byId.values()];
}

/**
 * Whether granting `requested` would let the consumer join it with resources it holds on the same
 * person identifier, with data at level 3 or above among them (R31.1). Held grants of the
 * requested resource itself are not a join (a renewal or a wider grant of the same data).
 */
export function assessCorrelation(input: CorrelationInput): CorrelationRisk {
  const roles = [...new Set(input.requested.fields.filter(isPersonId).map((f) => f.identifierRole))];
  const held = mergeHeld(input.held.filter((r) => r.resourceId !== input.requested.resourceId));
  for (const role of roles) {
    const partners = held
      .filter((r) => r.fields.some((f) => f.identifierRole === role))
      .sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name));
    if (partners.length === 0) continue;
    const resources = [joinable(input.requested, role, true), ...partners.map((p) => joinable(p, role, false))];
    const sensitive = resources.some((r) => r.securityLevel >= 3 || r.level3Fields.length > 0);
    if (!sensitive) continue;
    const names = resources.map((r) => `《${r.name}》`).join('');
    const levels = resources.filter((r) => r.securityLevel >= 3).map((r) => `《${r.name}》${r.securityLevel}级`);
    const fieldCount = resources.reduce((n, r) => n + r.level3Fields.length, 0);
    return {
      applies: true,
      identifierRole: role,
      resources,
      reason: {
        zh:
          `授予后，申请单位可按公民身份号码关联 ${resources.length} 项资源${names}` +
          (levels.length > 0 ? `，其中${levels.join('、')}` : '') +
          `，涉及三级及以上信息项 ${fieldCount} 项；关联可能产生敏感数据，须先进行安全评估（R31.1）。`,
        en:
          `Once granted, the requester can join ${resources.length} resources on the citizen ID number` +
          (levels.length > 0 ? ` (${resources.filter((r) => r.securityLevel >= 3).length} at security level 3 or above)` : '') +
          `, with ${fieldCount} field(s) at level 3 or above; the correlation may create sensitive data and needs a security assessment first (R31.1).`,
      },
    };
  }
  return NONE;
}

export const ASSESSMENT_CONCLUSIONS = ['permit', 'permit_with_conditions', 'refuse'] as const;
export type AssessmentConclusion = (typeof ASSESSMENT_CONCLUSIONS)[number];

export interface RecordedAssessment {
  readonly conclusion: AssessmentConclusion;
  /** The joinable resources the assessment looked at (its snapshot). */
  readonly resourceIds: readonly string[];
}

/**
 * Whether the latest assessment lets the grant go ahead: a permit (with or without conditions)
 * that looked at every resource now joinable. Grants made since the assessment that add a
 * joinable resource need a new assessment.
 */
export function assessmentCovers(risk: CorrelationRisk, latest: RecordedAssessment | null): boolean {
  if (!risk.applies) return true;
  if (!latest || latest.conclusion === 'refuse') return false;
  return risk.resources.every((r) => latest.resourceIds.includes(r.resourceId));
}

/** What an assessment must state: a basis, an opinion, and the conditions when it permits with conditions. */
export function assessmentProblems(input: {
  readonly conclusion: AssessmentConclusion;
  readonly opinion: string;
  readonly basis: string;
  readonly measures: string | null;
}): { field: string; zh: string; en: string }[] {
  const out: { field: string; zh: string; en: string }[] = [];
  if (!input.opinion.trim()) out.push({ field: 'opinion', zh: '须填写评估意见', en: 'The assessment needs an opinion' });
  if (!input.basis.trim()) out.push({ field: 'basis', zh: '须填写评估依据', en: 'The assessment needs a basis' });
  if (input.conclusion === 'permit_with_conditions' && !input.measures?.trim())
    out.push({
      field: 'measures',
      zh: '附条件同意须写明安全措施与条件',
      en: 'A permit with conditions states the measures and conditions',
    });
  return out;
}
