import { describe, expect, it } from 'vitest';
import { buildField } from '../catalog/catalog.fixtures.js';
import { makeCitizenId } from '../identifiers/citizen-id.js';
import { createRowChecker, normaliseDate, normaliseDateTime } from './row-checker.js';

describe('normaliseDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'],
    ['2024/2/9', '2024-02-09'],
    ['20240209', '2024-02-09'],
    ['2024年2月9日', '2024-02-09'],
    ['2023-02-29', null],
    ['1900-02-29', null],
    ['2000-02-29', '2000-02-29'],
    ['2024-13-01', null],
    ['2024-00-10', null],
    ['2024-1a-01', null],
    ['hello', null],
  ])('%s → %s', (raw, expected) => expect(normaliseDate(raw)).toBe(expected));
});

describe('normaliseDateTime (China time unless a zone is given)', () => {
  it.each([
    ['2026-03-01 10:00', '2026-03-01 10:00+08:00'],
    ['2026-03-01 10:00:05', '2026-03-01 10:00:05+08:00'],
    ['2026-03-01T10:00:05Z', '2026-03-01T10:00:05Z'],
    ['2026-03-01 10:00:00+08', '2026-03-01 10:00:00+08'],
    ['2026-03-01 10:00:00.123+0800', '2026-03-01T10:00:00.123+08:00'],
    ['2026/3/1 9:05', '2026-03-01T09:05:00+08:00'],
    ['2026-03-01', '2026-03-01T00:00:00+08:00'],
    ['2026-03-01 24:00', null],
    ['2026-02-30 10:00', null],
    ['yesterday', null],
  ])('%s → %s', (raw, expected) => expect(normaliseDateTime(raw)).toBe(expected));
});

describe('createRowChecker (R11.2, R12.1)', () => {
  const fields = [
    buildField({ code: 'id', name: '公民身份号码', identifierRole: 'citizen_id', length: 18, required: true }),
    buildField({ code: 'name', name: '姓名', length: 4, required: true }),
    buildField({ code: 'n', name: '数量', dataType: 'integer', length: null, required: false }),
    buildField({ code: 'flag', name: '是否', dataType: 'boolean', length: null, required: false }),
  ];
  const id = makeCitizenId('370481', '19800101', 11);

  it('normalises values and trims only what needs trimming', () => {
    const checker = createRowChecker(fields);
    expect(checker.check([` ${id} `, '张三', '12', '是'])).toEqual({ ok: true, values: [id, '张三', '12', 'true'] });
    expect(checker.check([id, '张三', '', ''])).toEqual({ ok: true, values: [id, '张三', null, null] });
  });

  it('reports every problem of a row with its column, rule and requirement', () => {
    const result = createRowChecker(fields).check([`${id.slice(0, 17)}0`, '张三丰之徒', '1.5', 'maybe']);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { column: 'id', rule: 'citizen_id', requirement: 'R11.2' },
        { column: 'name', rule: 'length' },
        { column: 'n', rule: 'type' },
        { column: 'flag', rule: 'type' },
      ],
    });
  });

  it('counts length in characters, not UTF-16 units', () => {
    expect(createRowChecker(fields).check([id, '𠀀𠀀𠀀𠀀'])).toMatchObject({ ok: true });
  });

  it('applies quality rules: not null, unique, pattern, allowed values, range', () => {
    const checker = createRowChecker(fields, {
      notNull: ['n'],
      unique: ['id'],
      patterns: [{ column: 'name', pattern: '^张' }],
      allowedValues: [{ column: 'flag', values: ['true'] }],
      ranges: [{ column: 'n', min: 0, max: 10 }],
      references: [],
      freshnessColumn: null,
    });
    expect(checker.check([id, '张三', '5', '是'])).toMatchObject({ ok: true });
    const second = checker.check([id, '李四', '50', '否']);
    expect(second.ok ? [] : second.problems.map((p) => p.rule)).toEqual(['unique', 'pattern', 'range', 'allowed']);
    const missing = checker.check([makeCitizenId('370481', '19800101', 13), '张五', '', '是']);
    expect(missing.ok ? [] : missing.problems.map((p) => p.rule)).toEqual(['not_null']);
  });
});
