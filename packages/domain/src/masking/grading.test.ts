import { describe, expect, it } from 'vitest';
import { buildField, buildMetadata } from '../catalog/catalog.fixtures.js';
import { validateResourceMetadata } from '../catalog/resource-metadata.js';
import {
  declaredMaskProblems,
  effectiveMask,
  fieldDefaultMask,
  grantMaskProblems,
  GRADING,
  isAtLeast,
  openAllowed,
  previewAllowed,
  requiresEncryption,
  storedOverrides,
} from './grading.js';
import type { MaskKind } from './masking.js';

const none: MaskKind = { kind: 'none' };
const keep = (first: number, last: number): MaskKind => ({ kind: 'keep', first, last });
const citizenId = buildField({ code: 'sfzh', name: '公民身份号码', identifierRole: 'citizen_id', length: 18 });
const name = buildField({ code: 'xm', name: '姓名', length: 20 });
const note = buildField({ code: 'bz', name: '备注', length: 100, sensitivity: 'highly_sensitive' });
const gender = buildField({ code: 'xb', name: '性别', length: 4, sensitivity: 'public' });

describe('the order of mask strength (R29.1)', () => {
  it('none < partial < hash < null', () => {
    expect(isAtLeast({ kind: 'name' }, none)).toBe(true);
    expect(isAtLeast({ kind: 'hash' }, { kind: 'citizen_id' })).toBe(true);
    expect(isAtLeast({ kind: 'null' }, { kind: 'hash' })).toBe(true);
    expect(isAtLeast(none, { kind: 'phone' })).toBe(false);
    expect(isAtLeast({ kind: 'year' }, { kind: 'hash' })).toBe(false);
    expect(isAtLeast({ kind: 'hash' }, { kind: 'null' })).toBe(false);
  });

  it('within the partial tier: the same kind, or a keep that leaves no more characters', () => {
    expect(isAtLeast({ kind: 'phone' }, { kind: 'phone' })).toBe(true);
    expect(isAtLeast({ kind: 'address' }, { kind: 'name' })).toBe(false);
    expect(isAtLeast(keep(3, 4), { kind: 'citizen_id' })).toBe(true);
    expect(isAtLeast(keep(6, 5), { kind: 'citizen_id' })).toBe(false);
    expect(isAtLeast(keep(1, 0), { kind: 'name' })).toBe(true);
    expect(isAtLeast(keep(1, 1), { kind: 'name' })).toBe(false);
    expect(isAtLeast(keep(0, 1), keep(1, 1))).toBe(true);
    expect(isAtLeast(keep(2, 0), keep(1, 1))).toBe(false);
    expect(isAtLeast({ kind: 'name' }, keep(1, 1))).toBe(false);
  });

  it('keep is bounded: whole numbers, at most 50 characters', () => {
    expect(isAtLeast(keep(-1, 0), none)).toBe(false);
    expect(isAtLeast(keep(1.5, 0), none)).toBe(false);
    expect(isAtLeast(keep(30, 30), none)).toBe(false);
    expect(isAtLeast(keep(20, 30), none)).toBe(true);
  });
});

describe('grading defaults and precedence (R29.1)', () => {
  it('grant override > declared mask > grading default', () => {
    expect(effectiveMask(name, 3)).toEqual({ kind: 'name' });
    expect(effectiveMask({ ...name, mask: { kind: 'hash' } }, 3)).toEqual({ kind: 'hash' });
    expect(effectiveMask({ ...name, mask: { kind: 'hash' } }, 3, { kind: 'null' })).toEqual({ kind: 'null' });
    expect(effectiveMask(gender, 1, keep(1, 0))).toEqual(keep(1, 0));
  });

  it('a stored choice weaker than the minimum never weakens the exit (a level raised later)', () => {
    expect(effectiveMask(note, 4, { kind: 'hash' })).toEqual({ kind: 'null' });
    expect(effectiveMask({ ...note, mask: { kind: 'hash' } }, 4)).toEqual({ kind: 'null' });
    expect(effectiveMask(name, 3, none)).toEqual({ kind: 'name' });
    // Not comparable (an address mask over a name minimum): withheld.
    expect(effectiveMask(name, 3, { kind: 'address' })).toEqual({ kind: 'null' });
  });

  it('level 4 withholds highly sensitive values; identifiers keep their typed mask', () => {
    expect(fieldDefaultMask(note, 4)).toEqual({ kind: 'null' });
    expect(fieldDefaultMask(note, 3)).toEqual({ kind: 'hash' });
    expect(fieldDefaultMask({ ...citizenId, sensitivity: 'highly_sensitive' }, 4)).toEqual({ kind: 'citizen_id' });
  });

  it('encryption at rest from level 3, and for core data at any level', () => {
    expect(requiresEncryption(3, citizenId)).toBe(true);
    expect(requiresEncryption(4, note)).toBe(true);
    expect(requiresEncryption(2, citizenId)).toBe(false);
    expect(requiresEncryption(2, citizenId, 'core')).toBe(true);
    expect(requiresEncryption(4, gender)).toBe(false);
    expect(requiresEncryption(3, { sensitivity: 'internal', identifierRole: 'citizen_id' })).toBe(true);
  });

  it('the most open types, the dictionary and the preview per level', () => {
    expect(openAllowed(4, 'conditional')).toBe(false);
    expect(openAllowed(3, 'unconditional')).toBe(false);
    expect(openAllowed(3, 'conditional')).toBe(true);
    expect(openAllowed(1, 'unconditional')).toBe(true);
    expect(GRADING[4].dictionary).toBe('government');
    expect(previewAllowed(2, 'unconditional')).toBe(true);
    expect(previewAllowed(3, 'conditional')).toBe(false);
    expect(previewAllowed(2, 'conditional')).toBe(false);
  });
});

describe('declared masks in the catalog and overrides on grants: stronger or equal only (R29.1)', () => {
  it('a declared mask weaker than the minimum is a problem naming the field path and R29.1', () => {
    const m = buildMetadata({ fields: [citizenId, { ...name, mask: none }, { ...gender, mask: { kind: 'hash' } }] });
    const problems = validateResourceMetadata(m);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'MASK_TOO_WEAK', field: 'fields[1].mask', requirement: 'R29.1' });
    expect(problems[0]?.message.zh).toContain('不脱敏');
    expect(
      declaredMaskProblems(
        [
          { ...citizenId, mask: keep(6, 4) },
          { ...name, mask: { kind: 'null' } },
        ],
        3,
      ),
    ).toEqual([]);
  });

  it('grant overrides: only granted fields, each at least the field’s default (its declared mask)', () => {
    const fields = [citizenId, { ...name, mask: { kind: 'hash' } as MaskKind }, gender];
    const granted = ['sfzh', 'xm', 'xb'];
    expect(grantMaskProblems({ sfzh: { kind: 'hash' }, xb: keep(1, 0) }, fields, granted, 3)).toEqual([]);
    const problems = grantMaskProblems({ xm: { kind: 'name' }, sfzh: none, zz: { kind: 'null' } }, fields, granted, 3);
    expect(problems.map((p) => p.field)).toEqual(['masks.xm', 'masks.sfzh', 'masks.zz']);
    expect(problems.every((p) => p.code === 'MASK_TOO_WEAK' && p.requirement === 'R29.1')).toBe(true);
  });

  it('only choices that differ from the default are stored', () => {
    expect(storedOverrides({ sfzh: { kind: 'citizen_id' }, xm: { kind: 'null' } }, [citizenId, name], 3)).toEqual({
      xm: { kind: 'null' },
    });
  });
});
