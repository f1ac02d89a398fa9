import { describe, expect, it } from 'vitest';
import { applyMask, defaultMask, keepEnds, maskAddress, maskCitizenId, maskName, maskPhone, maskToYear } from './masking.js';

describe('masking types (R29.1)', () => {
  it('keeps the first and last n characters', () => {
    expect(keepEnds('ABCDEFGH', 2, 2)).toBe('AB****GH');
    expect(keepEnds('滕州市数据局', 1, 1)).toBe('滕****局');
    expect(keepEnds('AB', 2, 2)).toBe('**');
  });
  it('masks citizen IDs as 370481********1234', () => {
    expect(maskCitizenId('370481199001011234')).toBe('370481********1234');
  });
  it('masks mobile phones as 138****1234 and other numbers to their last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0632-5512345')).toBe('********2345');
  });
  it('masks names to the family name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳修文')).toBe('欧阳**');
  });
  it('masks addresses down to the street, town or district', () => {
    expect(maskAddress('滕州市荆河街道学院路12号')).toBe('滕州市荆河街道**');
    expect(maskAddress('枣庄市薛城区常庄镇1号')).toBe('枣庄市薛城区**');
    expect(maskAddress('某处')).toBe('**');
  });
  it('reduces dates to the year', () => {
    expect(maskToYear('1990-05-17')).toBe('1990');
    expect(maskToYear('2026-03-01T10:00:00+08:00')).toBe('2026');
  });
  it('hashes with the caller’s keyed digest, nulls, and passes nulls through', () => {
    expect(applyMask('x', { kind: 'hash' }, (v) => `h(${v})`)).toBe('h(x)');
    expect(() => applyMask('x', { kind: 'hash' })).toThrow(/keyed digest/);
    expect(applyMask('x', { kind: 'null' })).toBeNull();
    expect(applyMask(null, { kind: 'citizen_id' })).toBeNull();
  });
});

describe('default masks by sensitivity and security level', () => {
  const field = (overrides: Record<string, string>) => ({
    code: 'f',
    name: '字段',
    dataType: 'string',
    identifierRole: 'none',
    sensitivity: 'sensitive',
    ...overrides,
  });
  it('passes public and internal fields', () => {
    expect(defaultMask(field({ sensitivity: 'public' }), 4)).toEqual({ kind: 'none' });
    expect(defaultMask(field({ sensitivity: 'internal' }), 3)).toEqual({ kind: 'none' });
  });
  it('masks sensitive fields by what they hold', () => {
    expect(defaultMask(field({ identifierRole: 'citizen_id' }), 2)).toEqual({ kind: 'citizen_id' });
    expect(defaultMask(field({ name: '联系电话' }), 2)).toEqual({ kind: 'phone' });
    expect(defaultMask(field({ name: '姓名' }), 2)).toEqual({ kind: 'name' });
    expect(defaultMask(field({ name: '居住地址' }), 2)).toEqual({ kind: 'address' });
    expect(defaultMask(field({ dataType: 'date', name: '出生日期' }), 2)).toEqual({ kind: 'year' });
    expect(defaultMask(field({}), 2)).toEqual({ kind: 'keep', first: 1, last: 1 });
  });
  it('hashes highly sensitive values, and withholds them at level 4', () => {
    expect(defaultMask(field({ sensitivity: 'highly_sensitive' }), 3)).toEqual({ kind: 'hash' });
    expect(defaultMask(field({ sensitivity: 'highly_sensitive' }), 4)).toEqual({ kind: 'null' });
    expect(defaultMask(field({ sensitivity: 'highly_sensitive', identifierRole: 'citizen_id' }), 4)).toEqual({ kind: 'citizen_id' });
  });
});
