import { describe, expect, it } from 'vitest';
import { buildField, buildMetadata } from './catalog.fixtures.js';
import { diffMetadata } from './diff.js';
import { findFieldOverlaps, nameSimilarity, needsJustification } from './overlap.js';
import { downgradesOf, resourceCode, validateResourceMetadata } from './resource-metadata.js';
import { highlight, indexTokens, toTsQuery } from './search-text.js';

const codes = (m: Parameters<typeof validateResourceMetadata>[0]) =>
  validateResourceMetadata(m).map((p) => [p.code, p.field, p.requirement]);

describe('validateResourceMetadata', () => {
  it('accepts a complete entry', () => {
    expect(validateResourceMetadata(buildMetadata())).toEqual([]);
  });
  it('refuses data involving state secrets (R2.2)', () => {
    expect(codes(buildMetadata({ involvesStateSecret: true }))).toContainEqual(['CATALOG_STATE_SECRET', 'involvesStateSecret', 'R2.2']);
  });
  it('requires the core metadata and a field (R10.1), all problems at once', () => {
    const found = codes(buildMetadata({ name: ' ', summary: '', fields: [] }));
    expect(found).toEqual(
      expect.arrayContaining([
        ['CATALOG_REQUIRED', 'name', 'R10.1'],
        ['CATALOG_REQUIRED', 'summary', 'R10.1'],
        ['CATALOG_REQUIRED', 'fields', 'R10.1'],
      ]),
    );
  });
  it('requires conditions and legal basis for conditional sharing and a legal basis for none (R13.1)', () => {
    expect(codes(buildMetadata({ share: { type: 'conditional', conditions: '', legalBasis: null, methods: ['query'] } }))).toEqual(
      expect.arrayContaining([
        ['CATALOG_SHARE_CONDITIONS_REQUIRED', 'share.conditions', 'R13.1'],
        ['CATALOG_SHARE_LEGAL_BASIS_REQUIRED', 'share.legalBasis', 'R13.1'],
      ]),
    );
    const none = buildMetadata({ share: { type: 'none', conditions: null, legalBasis: null, methods: [] } });
    expect(codes(none)).toContainEqual(['CATALOG_SHARE_LEGAL_BASIS_REQUIRED', 'share.legalBasis', 'R13.1']);
  });
  it('requires one of the five grounds and a legal basis for not opening (R18.1)', () => {
    const m = buildMetadata({ open: { type: 'none', conditions: null, noneGround: null, legalBasis: '' } });
    expect(codes(m)).toEqual(
      expect.arrayContaining([
        ['CATALOG_OPEN_GROUND_REQUIRED', 'open.noneGround', 'R18.1'],
        ['CATALOG_OPEN_GROUND_REQUIRED', 'open.legalBasis', 'R18.1'],
      ]),
    );
  });
  it('requires published conditions for conditional opening (R19.2)', () => {
    const m = buildMetadata({ open: { type: 'conditional', conditions: null, noneGround: null, legalBasis: null } });
    expect(codes(m)).toContainEqual(['CATALOG_OPEN_CONDITIONS_REQUIRED', 'open.conditions', 'R19.2']);
  });
  it('never opens level 4 data and opens level 3 only conditionally (R18.2)', () => {
    const unconditional = { type: 'unconditional' as const, conditions: null, noneGround: null, legalBasis: null };
    const share = { type: 'unconditional' as const, conditions: null, legalBasis: null, methods: ['interface' as const] };
    expect(
      codes(buildMetadata({ securityLevel: 4, share, open: { ...unconditional, type: 'conditional', conditions: '实名申请' } })),
    ).toContainEqual(['CATALOG_OPEN_LEVEL_CONFLICT', 'open.type', 'R18.2']);
    expect(codes(buildMetadata({ securityLevel: 3, share, open: unconditional }))).toContainEqual([
      'CATALOG_OPEN_LEVEL_CONFLICT',
      'open.type',
      'R18.2',
    ]);
    expect(validateResourceMetadata(buildMetadata({ securityLevel: 2, share, open: unconditional }))).toEqual([]);
  });
  it('is never more open to the public than shared between agencies', () => {
    const m = buildMetadata({ securityLevel: 1, open: { type: 'unconditional', conditions: null, noneGround: null, legalBasis: null } });
    expect(codes(m)).toContainEqual(['CATALOG_OPEN_EXCEEDS_SHARE', 'open.type', 'R18.2']);
  });
  it('checks fields: codes, duplicates, lengths, identifier types', () => {
    const m = buildMetadata({
      fields: [
        buildField({ code: 'Bad-Code' }),
        buildField({ code: 'name2', name: '姓名' }),
        buildField({ code: 'age', name: '年龄', dataType: 'integer', identifierRole: 'citizen_id', length: null }),
        buildField({ code: 'note', name: '备注', length: null }),
        buildField({ code: '_batch_id', name: '批次' }),
      ],
    });
    const fields = validateResourceMetadata(m).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['fields[0].code', 'fields[1].name', 'fields[2].dataType', 'fields[3].length', 'fields[4].code']),
    );
  });
  it('refuses values outside the vocabularies, naming the allowed ones', () => {
    const problems = validateResourceMetadata(buildMetadata({ updateFrequency: 'hourly' as never }));
    expect(problems[0]).toMatchObject({ code: 'CATALOG_VALUE_INVALID', field: 'updateFrequency' });
    expect(problems[0]?.message.zh).toContain('每日');
  });
});

describe('downgrades (R18.3)', () => {
  const m = buildMetadata();
  it('detects lowering of share and open types only', () => {
    expect(downgradesOf(m, { ...m, share: { ...m.share, type: 'none' } })).toEqual(['share']);
    expect(downgradesOf({ ...m, open: { ...m.open, type: 'unconditional' } }, { ...m, open: { ...m.open, type: 'conditional' } })).toEqual([
      'open',
    ]);
    expect(downgradesOf(m, { ...m, open: { ...m.open, type: 'conditional' } })).toEqual([]);
  });
});

describe('resource codes', () => {
  it('are the classification code, a slash and a six-digit sequence', () => {
    expect(resourceCode('101001', 12)).toBe('101001/000012');
  });
});

describe('field overlaps (R9.1)', () => {
  const published = [
    {
      resourceId: 'r1',
      resourceCode: '101001/000001',
      resourceName: '人口基础信息',
      providerName: '公安局',
      fields: [
        { code: 'sfzh', name: '身份证号码', identifierRole: 'citizen_id' as const },
        { code: 'xm', name: '姓名', identifierRole: 'none' as const },
        { code: 'csrq', name: '出生日期', identifierRole: 'none' as const },
      ],
    },
  ];
  it('folds synonyms and near-same names with the same identifier role', () => {
    expect(nameSimilarity('公民身份号码', '身份证号码')).toBe(1);
    expect(nameSimilarity('出生 日期', '出生日期')).toBe(1);
    const overlaps = findFieldOverlaps(
      [
        { code: 'id', name: '公民身份号码', identifierRole: 'citizen_id' },
        { code: 'birth', name: '出生日期', identifierRole: 'none' },
        { code: 'school', name: '就读学校', identifierRole: 'none' },
      ],
      published,
    );
    expect(overlaps.map((o) => [o.field.code, o.matches[0]?.fieldName])).toEqual([
      ['id', '身份证号码'],
      ['birth', '出生日期'],
    ]);
    expect(needsJustification(overlaps)).toBe(true);
  });
  it('does not match a different identifier role, and identifier keys alone need no justification', () => {
    const overlaps = findFieldOverlaps(
      [
        { code: 'id', name: '公民身份号码', identifierRole: 'citizen_id' },
        { code: 'xm', name: '姓名', identifierRole: 'other_code' },
      ],
      published,
    );
    expect(overlaps.map((o) => o.field.code)).toEqual(['id']);
    expect(needsJustification(overlaps)).toBe(false);
  });
});

describe('diffMetadata', () => {
  it('lists changed items and added, removed and changed fields with bilingual labels', () => {
    const before = buildMetadata();
    const after = buildMetadata({
      updateFrequency: 'weekly',
      fields: [
        buildField({ code: 'citizen_id', name: '公民身份号码', identifierRole: 'citizen_id', length: 18, sensitivity: 'sensitive' }),
        buildField({ code: 'phone', name: '联系电话', length: 20 }),
      ],
    });
    const changes = diffMetadata(before, after);
    expect(changes.map((c) => [c.path, c.kind])).toEqual([
      ['updateFrequency', 'changed'],
      ['fields.citizen_id.sensitivity', 'changed'],
      ['fields.phone', 'added'],
      ['fields.name', 'removed'],
    ]);
    expect(changes[0]).toMatchObject({ label: { zh: '更新周期', en: 'Update frequency' }, before: 'daily', after: 'weekly' });
  });
});

describe('search text', () => {
  it('indexes words and Chinese bigrams', () => {
    const tokens = indexTokens('社会保险参保信息 Social Insurance');
    expect(tokens).toEqual(expect.arrayContaining(['社会', '保险', '参保', '信息', 'social', 'insurance']));
  });
  it('turns a query into a tsquery of words, bigram alternatives and English prefixes', () => {
    expect(toTsQuery('参保信息')).toMatch(/'信息'/);
    expect(toTsQuery('Air qual')).toBe("'air':* & 'qual':*");
    expect(toTsQuery("'; drop table x; --")).toBe("'drop':* & 'table':* & 'x':*");
    expect(toTsQuery('   ')).toBeNull();
  });
  it('marks hits for highlighting, case-insensitively', () => {
    expect(highlight('空气质量 Air Quality', 'air 质量')).toEqual([
      { text: '空气', hit: false },
      { text: '质量', hit: true },
      { text: ' ', hit: false },
      { text: 'Air', hit: true },
      { text: ' Quality', hit: false },
    ]);
  });
});
