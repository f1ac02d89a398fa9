/**
 * The treatments of a de-identification plan as SQL expressions (R18.4), so that the k-anonymity
 * check groups the transformed values inside the database and publication materializes the
 * derivative with one INSERT … SELECT: no row travels through Node. Each expression computes what
 * the domain's treatValue computes on the value's text (derivative-sql.test.ts compares them on
 * the database); the numbers in them are validated integers of the plan.
 */
import { DOUBLE_SURNAMES, type FieldTreatment, type MaskKind } from '@gongshu/domain';
import { sql, type RawBuilder } from 'kysely';

type Expr = RawBuilder<string | null>;

function int(n: number): RawBuilder<number> {
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: ${n}`);
  return sql.raw(String(n));
}

/**
 * A value's text as the derivative shows it: dates as YYYY-MM-DD, date-times in China time as
 * ISO 8601 with +08:00, numbers and booleans as PostgreSQL writes them.
 */
export function textOf(column: string, dataType: string): Expr {
  const c = sql.id(column);
  if (dataType === 'datetime') return sql<string | null>`to_char(${c} at time zone 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS"+08:00"')`;
  return sql<string | null>`${c}::text`;
}

/** Stars all but the first and last characters (masking.ts keepEnds). */
function keepEnds(v: Expr, first: number, last: number): Expr {
  return sql<string | null>`(case when char_length(${v}) <= ${int(first + last)} then repeat('*', char_length(${v}))
    else left(${v}, ${int(first)}) || repeat('*', char_length(${v}) - ${int(first + last)}) || right(${v}, ${int(last)}) end)`;
}

function maskSql(v: Expr, mask: MaskKind): Expr {
  switch (mask.kind) {
    case 'none':
      return v;
    case 'keep':
      return keepEnds(v, mask.first, mask.last);
    case 'citizen_id':
      return keepEnds(v, 6, 4);
    case 'phone': {
      const digits = sql<string>`regexp_replace(${v}, '\\D', '', 'g')`;
      return sql<string | null>`(case when ${digits} ~ '^1\\d{10}$' then left(${digits}, 3) || '****' || right(${digits}, 4)
        else ${keepEnds(v, 0, 4)} end)`;
    }
    case 'name': {
      const trimmed = sql<string>`regexp_replace(${v}, '^\\s+|\\s+$', '', 'g')`;
      const double = sql.join(
        DOUBLE_SURNAMES.map((s) => sql`starts_with(${v}, ${sql.lit(s)})`),
        sql` or `,
      );
      const keep = sql<number>`(case when (${double}) and char_length(${trimmed}) > 2 then 2 else 1 end)`;
      return sql<string | null>`(case when char_length(${trimmed}) = 0 then ${v}
        else left(${trimmed}, ${keep}) || repeat('*', greatest(1, char_length(${trimmed}) - ${keep})) end)`;
    }
    case 'address': {
      const kept = sql<string | null>`substring(${v} from '^(.+?(?:街道|镇|乡|区|县))')`;
      return sql<string | null>`(case when ${kept} is not null and char_length(${kept}) < char_length(${v}) then ${kept} || '**'
        else ${keepEnds(v, 3, 0)} end)`;
    }
    case 'hash':
      throw new Error('hash masks are refused for derivatives (validatePlan)');
    case 'null':
      return sql<string | null>`null::text`;
    case 'year':
      return sql<string | null>`coalesce(substring(${v} from '^(\\d{4})'), '*')`;
  }
}

/**
 * The SQL of a field's value in the derivative; null for a dropped field. `column` is a field
 * code (a validated identifier of the catalog), quoted.
 */
export function treatmentSql(column: string, dataType: string, treatment: FieldTreatment): Expr | null {
  const v = textOf(column, dataType);
  switch (treatment.kind) {
    case 'drop':
      return null;
    case 'keep':
      return v;
    case 'generalize_date':
      return sql<string | null>`left(${v}, ${int(treatment.to === 'year' ? 4 : 7)})`;
    case 'band': {
      const low = sql<string>`(floor(${sql.id(column)}::numeric / ${int(treatment.width)}) * ${int(treatment.width)})`;
      return sql<string | null>`(case when ${sql.id(column)} is null then null
        else ${low}::text || '-' || (${low} + ${int(treatment.width - 1)})::text end)`;
    }
    case 'prefix':
      return sql<string | null>`left(${v}, ${int(treatment.length)})`;
    case 'mask':
      // Every mask of a null is null (applyMask).
      return sql<string | null>`(case when ${v} is null then null else ${maskSql(v, treatment.mask)} end)`;
  }
}
