import { describe, expect, it } from 'vitest';
import { assessCorrelation, assessmentCovers, assessmentProblems, type CorrelationField, type CorrelationResource } from './correlation.js';
import { nextShareState } from './share-request.js';

const id = (sensitivity: CorrelationField['sensitivity'] = 'highly_sensitive'): CorrelationField => ({
  code: 'sfzh',
  name: '公民身份号码',
  identifierRole: 'citizen_id',
  sensitivity,
});
const plain = (code: string, sensitivity: CorrelationField['sensitivity'] = 'internal'): CorrelationField => ({
  code,
  name: code,
  identifierRole: 'none',
  sensitivity,
});
function buildResource(o: Partial<CorrelationResource> & { resourceId: string }): CorrelationResource {
  return {
    code: o.resourceId.toUpperCase(),
    name: `资源${o.resourceId}`,
    providerName: '某局',
    securityLevel: 2,
    fields: [],
    grantNumbers: [],
    ...o,
  };
}

describe('assessCorrelation (R31.1)', () => {
  const held = buildResource({ resourceId: 'a', securityLevel: 2, fields: [id('internal'), plain('xm')], grantNumbers: ['SQ1'] });

  it('applies when a level-3 citizen-ID resource joins one the consumer holds', () => {
    const requested = buildResource({ resourceId: 'b', securityLevel: 3, fields: [id(), plain('jzzt'), plain('jb', 'sensitive')] });
    const risk = assessCorrelation({ held: [held], requested });
    expect(risk.applies).toBe(true);
    expect(risk.identifierRole).toBe('citizen_id');
    expect(risk.resources.map((r) => [r.resourceId, r.requested])).toEqual([
      ['b', true],
      ['a', false],
    ]);
    expect(risk.resources[0]?.level3Fields.map((f) => f.code)).toEqual(['jb']);
    expect(risk.resources[1]?.grantNumbers).toEqual(['SQ1']);
    expect(risk.reason.zh).toContain('R31.1');
  });

  it('applies on level ≤ 2 resources when a joined field is sensitive', () => {
    const requested = buildResource({ resourceId: 'b', securityLevel: 2, fields: [id('internal'), plain('income', 'sensitive')] });
    expect(assessCorrelation({ held: [held], requested }).applies).toBe(true);
  });

  it('does not apply on level ≤ 2 data without sensitive fields (the identifier itself not counted)', () => {
    const requested = buildResource({ resourceId: 'b', securityLevel: 2, fields: [id('highly_sensitive'), plain('xx')] });
    expect(assessCorrelation({ held: [held], requested }).applies).toBe(false);
  });

  it('does not apply when the request leaves out the identifier', () => {
    const requested = buildResource({ resourceId: 'b', securityLevel: 4, fields: [plain('jzzt', 'sensitive')] });
    expect(assessCorrelation({ held: [held], requested }).applies).toBe(false);
  });

  it('does not apply when nothing held carries the identifier, or only the same resource does', () => {
    const requested = buildResource({ resourceId: 'b', securityLevel: 3, fields: [id()] });
    expect(assessCorrelation({ held: [buildResource({ resourceId: 'c', fields: [plain('x')] })], requested }).applies).toBe(false);
    expect(assessCorrelation({ held: [buildResource({ resourceId: 'b', securityLevel: 3, fields: [id()] })], requested }).applies).toBe(
      false,
    );
  });

  it('does not count credit codes as person identifiers', () => {
    const code: CorrelationField = { code: 'tyshxydm', name: '统一社会信用代码', identifierRole: 'credit_code', sensitivity: 'sensitive' };
    const requested = buildResource({ resourceId: 'b', securityLevel: 3, fields: [code] });
    const other = buildResource({ resourceId: 'a', securityLevel: 3, fields: [code] });
    expect(assessCorrelation({ held: [other], requested }).applies).toBe(false);
  });

  it('merges several grants of one held resource', () => {
    const requested = buildResource({ resourceId: 'b', securityLevel: 3, fields: [id()] });
    const g1 = buildResource({ resourceId: 'a', fields: [plain('xm')], grantNumbers: ['SQ1'] });
    const g2 = buildResource({ resourceId: 'a', fields: [id('internal')], grantNumbers: ['SQ2'] });
    const risk = assessCorrelation({ held: [g1, g2], requested });
    expect(risk.applies).toBe(true);
    expect(risk.resources[1]?.grantNumbers).toEqual(['SQ1', 'SQ2']);
  });
});

describe('assessmentCovers', () => {
  const risk = assessCorrelation({
    held: [buildResource({ resourceId: 'a', fields: [id()] })],
    requested: buildResource({ resourceId: 'b', securityLevel: 3, fields: [id()] }),
  });
  it('needs a permit that looked at every joinable resource', () => {
    expect(assessmentCovers(risk, null)).toBe(false);
    expect(assessmentCovers(risk, { conclusion: 'refuse', resourceIds: ['a', 'b'] })).toBe(false);
    expect(assessmentCovers(risk, { conclusion: 'permit', resourceIds: ['b'] })).toBe(false);
    expect(assessmentCovers(risk, { conclusion: 'permit_with_conditions', resourceIds: ['a', 'b'] })).toBe(true);
  });
  it('is not needed when nothing joins', () => {
    expect(assessmentCovers({ ...risk, applies: false }, null)).toBe(true);
  });
});

describe('assessmentProblems', () => {
  it('wants opinion, basis, and conditions for a conditional permit', () => {
    expect(
      assessmentProblems({ conclusion: 'permit_with_conditions', opinion: ' ', basis: '', measures: null }).map((p) => p.field),
    ).toEqual(['opinion', 'basis', 'measures']);
    expect(assessmentProblems({ conclusion: 'refuse', opinion: '风险过高', basis: '《数据安全法》第二十一条', measures: null })).toEqual(
      [],
    );
  });
});

describe('assessment_refuse', () => {
  it('rejects a request under review and closes one in consultation', () => {
    expect(nextShareState('conditional', 'provider_review', { type: 'assessment_refuse' })).toEqual({ ok: true, value: 'rejected' });
    expect(nextShareState('unconditional', 'formal_review', { type: 'assessment_refuse' })).toEqual({ ok: true, value: 'rejected' });
    expect(nextShareState('conditional', 'consultation', { type: 'assessment_refuse' })).toEqual({ ok: true, value: 'closed' });
    expect(nextShareState('conditional', 'granted', { type: 'assessment_refuse' }).ok).toBe(false);
  });
});
