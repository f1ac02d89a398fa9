/**
 * Opening data to citizens and companies (R19.2–R20.2) as pure rules: which route an application
 * takes, what it must state, how it moves (the same transitions as sharing requests), and when a
 * grant holder's usage report is due, overdue and suspending the grant (R20.1).
 */
import { refuse, type Refusal, type Result } from '../errors.js';
import type { OpenType } from '../catalog/vocabulary.js';
import { nextShareState, type ShareEvent, type ShareState } from '../sharing/share-request.js';

/** R19.2 conditional open data, R19.3 demand for data not yet open. */
export type OpenRoute = 'conditional' | 'demand';

export const OPEN_ROUTE_STEPS: Record<OpenRoute, readonly string[]> = {
  conditional: ['open.conditional.formal_review', 'open.conditional.provider_review'],
  demand: ['open.demand.formal_review', 'open.demand.provider_answer'],
};

/** Unconditional data needs no application (R19.1): it is simply downloaded. */
export function openRouteOf(resource: { readonly openType: OpenType } | null): Result<OpenRoute> {
  if (resource?.openType === 'unconditional') return { ok: false, refusal: refuse('OPEN_NO_APPLICATION_NEEDED') };
  return { ok: true, value: resource?.openType === 'conditional' ? 'conditional' : 'demand' };
}

export const OPEN_COMMITMENTS = ['lawfulUse', 'protection', 'usageReports', 'citation'] as const;
export type OpenCommitment = (typeof OPEN_COMMITMENTS)[number];

export interface OpenApplicationContent {
  readonly purpose: string;
  readonly measures: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly commitments: Readonly<Record<OpenCommitment, boolean>>;
}

const blank = (v: string | null | undefined) => !v || v.trim() === '';

/** What an application states (R19.2): purpose, protective measures, period ≤ 3 years, every commitment. */
export function validateOpenApplication(content: OpenApplicationContent): Refusal[] {
  const out: Refusal[] = [];
  if (blank(content.purpose)) out.push(refuse('OPEN_APPLICATION_INCOMPLETE', { field: 'purpose' }));
  if (blank(content.measures)) out.push(refuse('OPEN_APPLICATION_INCOMPLETE', { field: 'measures' }));
  for (const c of OPEN_COMMITMENTS)
    if (!content.commitments[c]) out.push(refuse('OPEN_APPLICATION_INCOMPLETE', { field: `commitments.${c}` }));
  const from = Date.parse(content.periodFrom);
  const to = Date.parse(content.periodTo);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from || to - from > 3 * 366 * 86_400_000)
    out.push(refuse('OPEN_APPLICATION_INCOMPLETE', { field: 'periodTo' }));
  return out;
}

/** Applications move as share requests do on the same two routes (formal review, then the provider). */
export function nextOpenState(route: OpenRoute, state: ShareState, event: ShareEvent): Result<ShareState> {
  return nextShareState(route, state, event);
}

export type UsageReportStatus = 'upcoming' | 'due' | 'overdue' | 'suspend';

/** Report due dates every `months` months from the start of a grant, within its period (R20.1). */
export function usageReportDueDates(validFrom: string, validTo: string, months: number): string[] {
  const out: string[] = [];
  const [y, m, d] = validFrom.split('-').map(Number) as [number, number, number];
  for (let i = 1; ; i++) {
    const total = m - 1 + i * months;
    const due = `${String(y + Math.floor(total / 12))}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
    if (due > validTo) return out;
    out.push(due);
  }
}

/**
 * Where a report stands on `today` (dates as YYYY-MM-DD): reminders start `noticeDays` before it is
 * due; past due it is overdue; past the grace period the grant is suspended until it arrives.
 */
export function usageReportStatus(dueOn: string, today: string, noticeDays: number, graceDays: number): UsageReportStatus {
  const day = 86_400_000;
  const gap = (Date.parse(dueOn) - Date.parse(today)) / day;
  if (gap > noticeDays) return 'upcoming';
  if (gap >= 0) return 'due';
  return -gap > graceDays ? 'suspend' : 'overdue';
}
