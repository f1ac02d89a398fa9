import {
  codesOf,
  DATA_GRADES,
  downgradesOf,
  findFieldOverlaps,
  FORMAT_CATEGORIES,
  needsJustification,
  OPEN_NONE_GROUNDS,
  OPEN_TYPES,
  SECURITY_LEVELS,
  SHARE_TYPES,
  UPDATE_FREQUENCIES,
  validateResourceMetadata,
  type PublishedFields,
} from '@gongshu/domain';
import { describe, expect, it } from 'vitest';
import { CATALOG_CLASSES as DEMO_CLASSIFICATIONS } from '../reference/catalog-classes.js';
import { DEMO_CHANGE_REQUESTS, DEMO_RESOURCES } from './demo-catalog.js';
import { DEMO_AGENCIES } from './demo-city.js';

const publishedEntries = DEMO_RESOURCES.filter((r) => r.state === 'published');
const pendingEntries = DEMO_RESOURCES.filter((r) => r.state !== 'published');
const all = DEMO_RESOURCES.map((r) => r.metadata);

describe('demo catalog', () => {
  it('has metadata that passes validation with no problems', () => {
    const failures = DEMO_RESOURCES.map((r) => ({
      agency: r.agency,
      name: r.metadata.name,
      problems: validateResourceMetadata(r.metadata),
    })).filter((x) => x.problems.length > 0);
    expect(failures).toEqual([]);
  });

  it('has at least 60 published, 3 draft and 3 submitted resources across at least 15 demo agencies', () => {
    expect(publishedEntries.length).toBeGreaterThanOrEqual(60);
    expect(DEMO_RESOURCES.filter((r) => r.state === 'draft').length).toBeGreaterThanOrEqual(3);
    expect(DEMO_RESOURCES.filter((r) => r.state === 'submitted').length).toBeGreaterThanOrEqual(3);
    const agencies = new Set(DEMO_RESOURCES.map((r) => r.agency));
    expect(agencies.size).toBeGreaterThanOrEqual(15);
    const known = new Set(DEMO_AGENCIES.map((a) => a.code));
    expect([...agencies].filter((a) => !known.has(a))).toEqual([]);
  });

  it('represents every share type, open type, security level, data grade, update frequency and format category', () => {
    const values = <T>(pick: (m: (typeof all)[number]) => T) => [...new Set(all.map(pick))];
    expect(values((m) => m.share.type).sort()).toEqual([...codesOf(SHARE_TYPES)].sort());
    expect(values((m) => m.open.type).sort()).toEqual([...codesOf(OPEN_TYPES)].sort());
    expect(values((m) => m.securityLevel).sort()).toEqual([...SECURITY_LEVELS]);
    expect(values((m) => m.dataGrade).sort()).toEqual([...codesOf(DATA_GRADES)].sort());
    expect(values((m) => m.updateFrequency).sort()).toEqual([...codesOf(UPDATE_FREQUENCIES)].sort());
    expect(values((m) => m.formatCategory).sort()).toEqual([...codesOf(FORMAT_CATEGORIES)].sort());
    expect(
      values((m) => m.open.noneGround)
        .filter((g) => g !== null)
        .sort(),
    ).toEqual([...codesOf(OPEN_NONE_GROUNDS)].sort());
  });

  it('opens at least 15 published resources unconditionally, all at level 1 or 2', () => {
    const open = publishedEntries.filter((r) => r.metadata.open.type === 'unconditional');
    expect(open.length).toBeGreaterThanOrEqual(15);
    expect(open.filter((r) => r.metadata.securityLevel > 2).map((r) => r.metadata.name)).toEqual([]);
    expect(open.filter((r) => r.metadata.licence === null).map((r) => r.metadata.name)).toEqual([]);
  });

  it('cites a legal basis for every conditional or withheld share and open attribute', () => {
    const missing = all.filter(
      (m) => (m.share.type !== 'unconditional' && !m.share.legalBasis) || (m.open.type !== 'unconditional' && !m.open.legalBasis),
    );
    expect(missing.map((m) => m.name)).toEqual([]);
  });

  it('classifies every resource at level 3 or 4 of the tree', () => {
    const byCode = new Map(DEMO_CLASSIFICATIONS.map((c) => [c.code, c]));
    const bad = all.filter((m) => (byCode.get(m.classificationCode)?.level ?? 0) < 3);
    expect(bad.map((m) => `${m.name} ${m.classificationCode}`)).toEqual([]);
  });

  it('has a consistent classification tree', () => {
    const codes = DEMO_CLASSIFICATIONS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const byCode = new Map(DEMO_CLASSIFICATIONS.map((c) => [c.code, c]));
    const lengths = { 1: 1, 2: 3, 3: 6, 4: 9 } as const;
    for (const c of DEMO_CLASSIFICATIONS) {
      expect(c.code, c.code).toMatch(/^\d+$/);
      expect(c.code.length, c.code).toBe(lengths[c.level]);
      expect(c.name.trim(), c.code).not.toBe('');
      if (c.level === 1) {
        expect(c.parentCode, c.code).toBeNull();
      } else {
        const parent = c.parentCode === null ? undefined : byCode.get(c.parentCode);
        expect(parent, c.code).toBeDefined();
        expect(parent?.level, c.code).toBe(c.level - 1);
        expect(c.code.startsWith(parent?.code ?? '\u0000'), c.code).toBe(true);
      }
    }
    expect(DEMO_CLASSIFICATIONS.filter((c) => c.level === 1).map((c) => c.code)).toEqual(['1', '2', '3']);
  });

  it('names resources uniquely within each agency', () => {
    const seen = new Set<string>();
    const repeated: string[] = [];
    for (const r of DEMO_RESOURCES) {
      const key = `${r.agency}/${r.metadata.name}`;
      if (seen.has(key)) repeated.push(key);
      seen.add(key);
    }
    expect(repeated).toEqual([]);
  });

  it('has drafts or submissions whose fields overlap published resources of other agencies (R9.1)', () => {
    const published: PublishedFields[] = publishedEntries.map((r, i) => ({
      resourceId: String(i),
      resourceCode: `${r.metadata.classificationCode}/${String(i).padStart(6, '0')}`,
      resourceName: r.metadata.name,
      providerName: r.agency,
      fields: r.metadata.fields,
    }));
    const flagged = pendingEntries.filter((r) => {
      const others = published.filter((p) => p.providerName !== r.agency);
      return needsJustification(findFieldOverlaps(r.metadata.fields, others));
    });
    expect(flagged.length).toBeGreaterThanOrEqual(1);
    const floating = pendingEntries.find((r) => r.metadata.name === '流动人口居住登记');
    expect(floating).toBeDefined();
    const overlaps = findFieldOverlaps(floating?.metadata.fields ?? [], published);
    expect(overlaps.some((o) => o.matches.some((m) => m.resourceName === '人口基础信息'))).toBe(true);
  });

  it('has change requests on published resources that validate; the late one downgrades opening (R10.3, R18.3)', () => {
    expect(DEMO_CHANGE_REQUESTS.length).toBe(2);
    for (const cr of DEMO_CHANGE_REQUESTS) {
      const targets = publishedEntries.filter((r) => r.metadata.name === cr.resourceName);
      expect(targets.length, cr.resourceName).toBe(1);
      const before = targets[0]!.metadata;
      const after = cr.edit(before);
      expect(validateResourceMetadata(after), cr.resourceName).toEqual([]);
      expect(after, cr.resourceName).not.toEqual(before);
    }
    const timely = DEMO_CHANGE_REQUESTS.filter((cr) => cr.lawChangeDaysAgo <= 15);
    const late = DEMO_CHANGE_REQUESTS.filter((cr) => cr.lawChangeDaysAgo > 21);
    expect(timely.length).toBe(1);
    expect(late.length).toBe(1);
    for (const cr of timely) {
      const before = publishedEntries.find((r) => r.metadata.name === cr.resourceName)!.metadata;
      const after = cr.edit(before);
      expect(after.fields.length).toBeGreaterThan(before.fields.length);
      expect(downgradesOf(before, after)).toEqual([]);
    }
    for (const cr of late) {
      const before = publishedEntries.find((r) => r.metadata.name === cr.resourceName)!.metadata;
      const after = cr.edit(before);
      expect(before.open.type).toBe('unconditional');
      expect(after.open.type).toBe('conditional');
      expect(downgradesOf(before, after)).toEqual(['open']);
    }
  });
});
