/**
 * No duplicate collection (R9.1): a draft's fields are compared with the fields of published
 * resources of other entries; a field overlaps when it plays the same identifier role and its
 * name is the same or nearly the same (normalised, synonyms folded, character-bigram similarity).
 */
import type { FieldSpec } from './resource-metadata.js';

export interface PublishedFields {
  readonly resourceId: string;
  readonly resourceCode: string;
  readonly resourceName: string;
  readonly providerName: string;
  readonly fields: readonly Pick<FieldSpec, 'code' | 'name' | 'identifierRole'>[];
}

export interface FieldOverlap {
  readonly field: Pick<FieldSpec, 'code' | 'name' | 'identifierRole'>;
  readonly matches: readonly {
    readonly resourceId: string;
    readonly resourceCode: string;
    readonly resourceName: string;
    readonly providerName: string;
    readonly fieldName: string;
    readonly similarity: number;
  }[];
}

/** Names that mean the same thing, folded to one form before comparing. */
const SYNONYMS: readonly [RegExp, string][] = [
  [/^(公民)?身份(证)?(号码|号|证件号码)$|^证件号码$/, '公民身份号码'],
  [/^(统一)?(社会)?信用代码$/, '统一社会信用代码'],
  [/^(联系)?(电话|手机|手机号码|联系方式)$/, '联系电话'],
  [/^(姓名|名字|人员姓名)$/, '姓名'],
  [/^(住址|地址|居住地址|家庭住址)$/, '住址'],
];

/** Lower case, no spaces or punctuation, synonyms folded. */
export function normaliseFieldName(name: string): string {
  const bare = name
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .trim();
  for (const [pattern, canonical] of SYNONYMS) if (pattern.test(bare)) return canonical;
  return bare;
}

function bigrams(s: string): string[] {
  if (s.length < 2) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient over character bigrams of the normalised names, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseFieldName(a);
  const y = normaliseFieldName(b);
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  const pool = [...by];
  let shared = 0;
  for (const g of bx) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      shared++;
      pool.splice(i, 1);
    }
  }
  return (2 * shared) / (bx.length + by.length);
}

export const OVERLAP_THRESHOLD = 0.8;

export function findFieldOverlaps(
  fields: readonly Pick<FieldSpec, 'code' | 'name' | 'identifierRole'>[],
  published: readonly PublishedFields[],
): FieldOverlap[] {
  const overlaps: FieldOverlap[] = [];
  for (const field of fields) {
    const matches: FieldOverlap['matches'][number][] = [];
    for (const resource of published) {
      let best: { fieldName: string; similarity: number } | null = null;
      for (const other of resource.fields) {
        if (other.identifierRole !== field.identifierRole) continue;
        const similarity = nameSimilarity(field.name, other.name);
        if (similarity >= OVERLAP_THRESHOLD && (!best || similarity > best.similarity)) best = { fieldName: other.name, similarity };
      }
      if (best) {
        matches.push({
          resourceId: resource.resourceId,
          resourceCode: resource.resourceCode,
          resourceName: resource.resourceName,
          providerName: resource.providerName,
          ...best,
        });
      }
    }
    if (matches.length > 0) overlaps.push({ field, matches: matches.sort((a, b) => b.similarity - a.similarity) });
  }
  return overlaps;
}

/**
 * Whether the overlaps call for a justification: identifier fields are the keys that join data
 * (every resource about people carries the citizen ID), so only overlapping descriptive fields
 * count as collecting the same data again.
 */
export function needsJustification(overlaps: readonly FieldOverlap[]): boolean {
  return overlaps.some((o) => o.field.identifierRole === 'none');
}
