/**
 * The SQL of each treatment gives what the domain's treatValue gives on the value's text (R18.4):
 * the check counts, and the published table holds, exactly what the plan describes.
 */
import { treatValue, type FieldTreatment } from '@gongshu/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect.js';
import { createTestDatabase } from '../../../test/harness.js';
import { textOf, treatmentSql } from './derivative-sql.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDatabase({ empty: true });
}, 60_000);
afterAll(async () => db.close());

/** Each value through the SQL of a treatment, on a one-column table of the given type. */
async function viaSql(type: string, dataType: string, values: (string | null)[], treatment: FieldTreatment) {
  const expr = treatmentSql('v', dataType, treatment);
  if (!expr) return values.map(() => undefined);
  return db.kysely.transaction().execute(async (trx) => {
    await sql`create temporary table t (i int, v ${sql.raw(type)}) on commit drop`.execute(trx);
    for (const [i, value] of values.entries()) await sql`insert into t values (${i}, ${value}::${sql.raw(type)})`.execute(trx);
    const rows = await sql<{
      out: string | null;
      text: string | null;
    }>`select ${expr} as out, ${textOf('v', dataType)} as text from t order by i`.execute(trx);
    return rows.rows.map((r) => ({ out: r.out, text: r.text }));
  });
}

async function agree(type: string, dataType: string, values: (string | null)[], treatment: FieldTreatment) {
  const got = await viaSql(type, dataType, values, treatment);
  for (const [i, row] of got.entries()) {
    if (row === undefined) continue;
    expect(row.out, `${JSON.stringify(treatment)} of ${values[i]}`).toBe(treatValue(row.text, treatment));
  }
  return got;
}

describe('treatments in SQL = treatValue', () => {
  it('dates and date-times (China time) to year and month', async () => {
    const dates = ['1987-06-15', '2026-01-01', null];
    await agree('date', 'date', dates, { kind: 'generalize_date', to: 'year' });
    await agree('date', 'date', dates, { kind: 'generalize_date', to: 'month' });
    const got = await agree('timestamptz', 'datetime', ['2025-12-31T17:30:00Z', null], { kind: 'generalize_date', to: 'month' });
    // 17:30 UTC on New Year's Eve is already January in Tengzhou.
    expect(got[0]?.out).toBe('2026-01');
  });

  it('numbers to bands', async () => {
    await agree('bigint', 'integer', ['37', '0', '-3', '89', null], { kind: 'band', width: 5 });
    const got = await agree('numeric', 'decimal', ['2350.50', '9999.99', '0.01', '-0.5'], { kind: 'band', width: 1000 });
    expect(got[0]?.out).toBe('2000-2999');
  });

  it('codes to prefixes; masks of IDs, phones, names, addresses, ends and years', async () => {
    await agree('varchar(20)', 'string', ['370481001002', '3704', '滕州市', null], { kind: 'prefix', length: 6 });
    await agree('text', 'string', ['370481198706150012', '12345', ''], { kind: 'mask', mask: { kind: 'citizen_id' } });
    await agree('text', 'string', ['13812345678', '138-1234-5678', '0632-5512345', '12'], { kind: 'mask', mask: { kind: 'phone' } });
    await agree('text', 'string', ['张三', '欧阳娜娜', '欧阳', ' 李四 ', '   ', '王'], { kind: 'mask', mask: { kind: 'name' } });
    await agree('text', 'string', ['滕州市荆河街道学院路12号', '滕州市善南街道', '北京', '山亭区'], {
      kind: 'mask',
      mask: { kind: 'address' },
    });
    await agree('text', 'string', ['ABCDEFGH', 'AB', null], { kind: 'mask', mask: { kind: 'keep', first: 1, last: 2 } });
    await agree('text', 'string', ['1987-06-15', 'x'], { kind: 'mask', mask: { kind: 'year' } });
    await agree('text', 'string', ['x', null], { kind: 'mask', mask: { kind: 'null' } });
    await agree('boolean', 'boolean', ['true', 'false', null], { kind: 'keep' });
  });

  it('agrees on generated text for the masks and cuts', async () => {
    const masks: FieldTreatment[] = [
      { kind: 'mask', mask: { kind: 'keep', first: 2, last: 1 } },
      { kind: 'mask', mask: { kind: 'name' } },
      { kind: 'mask', mask: { kind: 'phone' } },
      { kind: 'mask', mask: { kind: 'address' } },
      { kind: 'prefix', length: 3 },
    ];
    const values = fc.sample(fc.string({ unit: fc.constantFrom(...'滕州市区县镇街道欧阳张1380a -'.split('')), maxLength: 14 }), {
      numRuns: 60,
      seed: 20261127,
    });
    for (const treatment of masks) await agree('text', 'string', values, treatment);
  });
});
