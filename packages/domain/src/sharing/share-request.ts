/**
 * Sharing between agencies (R14–R17): which route a request takes and which steps run on the
 * clock, what a request must state (R17.1), how it moves (formal review, provider review, demand
 * answer, escalation to an upper-level node, rejection with reasons, consultation), as pure rules.
 */
import { refuse, type Refusal, type Result } from '../errors.js';
import type { ShareType } from '../catalog/vocabulary.js';

/** R14.1 unconditional, R14.2 conditional, R14.3 demand for data not yet shared, R15.1 upper-level data. */
export type ShareRoute = 'unconditional' | 'conditional' | 'demand' | 'upper_level';

export interface ShareRouteInput {
  /** The catalog entry asked for; null for data the catalog does not offer for sharing. */
  readonly resource: { readonly shareType: ShareType } | null;
  /** Data of the national, provincial or Zaozhuang node (R15.1). */
  readonly upperLevel: boolean;
  readonly requesterLevel: 'city' | 'town';
  /** The bureau files for a town or street (R15.2). */
  readonly filedByBureau: boolean;
}

/** The rule-set steps of each route, in order (R14.1–R14.3, R15.1). */
export const ROUTE_STEPS: Record<ShareRoute, readonly string[]> = {
  unconditional: ['share.unconditional.formal_review'],
  conditional: ['share.conditional.formal_review', 'share.conditional.provider_review'],
  demand: ['share.demand.formal_review', 'share.demand.provider_answer'],
  upper_level: ['share.upper_level.formal_review'],
};

export function routeOf(input: ShareRouteInput): Result<ShareRoute> {
  // R15.2: towns and streets do not file themselves; the bureau applies on their behalf.
  if (input.requesterLevel === 'town' && !input.filedByBureau) return { ok: false, refusal: refuse('SHARE_TOWN_VIA_BUREAU') };
  if (input.upperLevel) return { ok: true, value: 'upper_level' };
  if (!input.resource || input.resource.shareType === 'none') return { ok: true, value: 'demand' };
  return { ok: true, value: input.resource.shareType === 'unconditional' ? 'unconditional' : 'conditional' };
}

/** The commitments of R17.1 and R17.2 a requester makes. */
export const COMMITMENTS = ['authenticity', 'compliance', 'security', 'ownDutiesOnly', 'noOnwardProvision'] as const;
export type Commitment = (typeof COMMITMENTS)[number];

export interface ShareRequestContent {
  readonly scenario: string;
  readonly legalDuty: string;
  readonly fields: readonly string[];
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly commitments: Readonly<Record<Commitment, boolean>>;
}

const blank = (v: string | null | undefined) => !v || v.trim() === '';

/**
 * What a request must state (R17.1): its use scenario, the legal duty it serves, the fields
 * (from the entry), a period of at most three years, and every commitment. All problems at once.
 */
export function validateShareRequest(content: ShareRequestContent, availableFields: readonly string[] | null): Refusal[] {
  const out: Refusal[] = [];
  if (blank(content.scenario)) out.push(refuse('SHARE_PURPOSE_REQUIRED', { field: 'scenario' }));
  if (blank(content.legalDuty)) out.push(refuse('SHARE_PURPOSE_REQUIRED', { field: 'legalDuty' }));
  for (const c of COMMITMENTS) if (!content.commitments[c]) out.push(refuse('SHARE_COMMITMENT_REQUIRED', { field: `commitments.${c}` }));
  if (availableFields) {
    if (content.fields.length === 0) out.push(refuse('SHARE_FIELDS_INVALID', { field: 'fields' }));
    const unknown = content.fields.filter((f) => !availableFields.includes(f));
    if (unknown.length > 0) out.push(refuse('SHARE_FIELDS_INVALID', { field: 'fields', details: { unknown } }));
  }
  const from = Date.parse(content.periodFrom);
  const to = Date.parse(content.periodTo);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) out.push(refuse('SHARE_PERIOD_INVALID', { field: 'periodTo' }));
  else if (to - from > 3 * 366 * 86_400_000)
    out.push(
      refuse('SHARE_PERIOD_INVALID', { field: 'periodTo', message: { zh: '使用期限不超过三年', en: 'The period is at most three years' } }),
    );
  return out;
}

/** A rejection states all its reasons at once, each with its legal basis (R16.1). */
export function validateRejection(reasons: readonly { readonly reason: string; readonly legalBasis: string }[]): Refusal | null {
  if (reasons.length === 0 || reasons.some((r) => blank(r.reason) || blank(r.legalBasis)))
    return refuse('SHARE_REJECTION_REASONS_REQUIRED', { field: 'reasons' });
  return null;
}

/**
 * What a provider approves of a request or an open-data application (R14.2, R19.2): some or all
 * of the fields asked for, at least one, and a period ending within the one asked for (by
 * default all that was asked; an application without an end runs to its start at the least).
 */
export function approvedScope(
  asked: { readonly fields: readonly string[]; readonly periodFrom: string; readonly periodTo: string | null },
  approved: { readonly fields?: readonly string[] | undefined; readonly periodTo?: string | undefined },
): Result<{ readonly fields: readonly string[]; readonly periodTo: string }> {
  const fields = approved.fields ?? asked.fields;
  const unknown = fields.filter((f) => !asked.fields.includes(f));
  if (fields.length === 0 || unknown.length > 0)
    return { ok: false, refusal: refuse('SHARE_FIELDS_INVALID', { field: 'fields', details: { unknown } }) };
  const periodTo = approved.periodTo ?? asked.periodTo ?? asked.periodFrom;
  if ((asked.periodTo !== null && periodTo > asked.periodTo) || periodTo < asked.periodFrom)
    return {
      ok: false,
      refusal: refuse('SHARE_PERIOD_INVALID', {
        field: 'periodTo',
        message: { zh: '批准的期限须在申请期限之内', en: 'The approved period lies within the period asked for' },
      }),
    };
  return { ok: true, value: { fields, periodTo } };
}

export type ShareState =
  | 'formal_review'
  | 'provider_review'
  | 'provider_answer'
  | 'escalated'
  | 'granted'
  | 'answered'
  | 'rejected'
  | 'consultation'
  | 'closed'
  | 'withdrawn';

export type ShareEvent =
  | { readonly type: 'formal_approve' }
  | { readonly type: 'formal_reject' }
  | { readonly type: 'provider_approve' }
  | { readonly type: 'provider_reject' }
  | { readonly type: 'provider_answer'; readonly willShare: boolean }
  | { readonly type: 'upper_result'; readonly granted: boolean }
  | { readonly type: 'open_consultation' }
  | { readonly type: 'consultation_outcome'; readonly grant: boolean }
  | { readonly type: 'assessment_refuse' }
  | { readonly type: 'withdraw' };

/** The next state of a request, or a refusal; pure (house style: workflows are transitions). */
export function nextShareState(route: ShareRoute, state: ShareState, event: ShareEvent): Result<ShareState> {
  const ok = (s: ShareState): Result<ShareState> => ({ ok: true, value: s });
  const no = (): Result<ShareState> => ({
    ok: false,
    refusal: refuse('SHARE_TRANSITION_INVALID', { details: { route, state, event: event.type } }),
  });
  switch (event.type) {
    case 'formal_approve':
      if (state !== 'formal_review') return no();
      return ok(
        route === 'unconditional'
          ? 'granted'
          : route === 'conditional'
            ? 'provider_review'
            : route === 'demand'
              ? 'provider_answer'
              : 'escalated',
      );
    case 'formal_reject':
      return state === 'formal_review' ? ok('rejected') : no();
    case 'provider_approve':
      return state === 'provider_review' ? ok('granted') : no();
    case 'provider_reject':
      return state === 'provider_review' ? ok('rejected') : no();
    case 'provider_answer':
      return state === 'provider_answer' ? ok('answered') : no();
    case 'upper_result':
      return state === 'escalated' ? ok(event.granted ? 'granted' : 'closed') : no();
    case 'open_consultation':
      // R16.2: the bureau finds a rejection's reasons insufficient.
      return state === 'rejected' ? ok('consultation') : no();
    case 'consultation_outcome':
      return state === 'consultation' ? ok(event.grant ? 'granted' : 'closed') : no();
    case 'assessment_refuse':
      // R31.1: a correlation assessment that refuses rejects a request under review, closes one in consultation.
      if (state === 'formal_review' || state === 'provider_review') return ok('rejected');
      return state === 'consultation' ? ok('closed') : no();
    case 'withdraw':
      return ['formal_review', 'provider_review', 'provider_answer', 'consultation'].includes(state) ? ok('withdrawn') : no();
  }
}
