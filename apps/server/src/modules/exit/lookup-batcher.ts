/**
 * Lookups by identifier, coalesced (ADR 0007): the lookups of one grant and field list that arrive
 * in the same turn of the event loop are answered by one statement (`identifier = any($1)`), the
 * way the journal coalesces their audit entries. Under load a call's own database work is then a
 * share of one statement instead of one statement per call (parse, plan, executor start, commit and
 * a round trip each). Each call still gets exactly the row a single lookup would give: the latest
 * loaded row with that identifier, or none.
 *
 * Only text identifiers are coalesced (citizen IDs, credit codes and other codes: the row's
 * identifier is then the key itself, byte for byte). If a coalesced statement fails (a key that does
 * not fit the column, a table replaced mid-way), each call of it is retried alone, so one caller's
 * bad key never fails another's lookup.
 */
import { CompiledQuery } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { DATA_SCHEMA } from '../aggregation/data-tables.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** The column that carries the identifier a coalesced row answers. */
const KEY_COLUMN = '__gongshu_key';

export interface LookupPlan {
  /** One identifier: the latest loaded row. */
  readonly single: string;
  /** Several identifiers (text identifiers only), or null when lookups of this plan are not coalesced. */
  readonly batch: string | null;
}

/** The statements of a lookup for a table, its identifier column and a field list (kept with the cached grant). */
export function lookupPlan(table: string, identifierColumn: string, codes: readonly string[], textIdentifier: boolean): LookupPlan {
  const from = `from ${quote(DATA_SCHEMA)}.${quote(table)}`;
  const list = codes.map(quote).join(', ');
  const id = quote(identifierColumn);
  // The identifier is indexed but not unique (append loads): the latest loaded row answers.
  const single = `select ${list} ${from} where ${id} = $1 order by _loaded_at desc limit 1`;
  const batch = textIdentifier
    ? `select distinct on (${id}) ${id}::text as ${quote(KEY_COLUMN)}, ${list} ${from} where ${id} = any($1::text[]) order by ${id}, _loaded_at desc`
    : null;
  return { single, batch };
}

type Row = Record<string, unknown>;

interface Waiting {
  readonly key: string;
  resolve(row: Row | null): void;
  reject(error: unknown): void;
}

export interface LookupBatcher {
  lookup(plan: LookupPlan, key: string): Promise<Row | null>;
}

export function createLookupBatcher(db: Executor): LookupBatcher {
  const queued = new Map<LookupPlan, Waiting[]>();
  let scheduled = false;

  const run = async (text: string, params: unknown[]): Promise<Row[]> => (await db.executeQuery<Row>(CompiledQuery.raw(text, params))).rows;

  async function single(plan: LookupPlan, w: Waiting): Promise<void> {
    try {
      w.resolve((await run(plan.single, [w.key]))[0] ?? null);
    } catch (error) {
      w.reject(error);
    }
  }

  async function flush(plan: LookupPlan, waiting: Waiting[]): Promise<void> {
    const first = waiting[0];
    if (waiting.length === 1 && first) return single(plan, first);
    if (!plan.batch) {
      await Promise.all(waiting.map((w) => single(plan, w)));
      return;
    }
    let rows: Row[];
    try {
      rows = await run(plan.batch, [[...new Set(waiting.map((w) => w.key))]]);
    } catch {
      // Each call alone: only the one whose key does not fit fails.
      await Promise.all(waiting.map((w) => single(plan, w)));
      return;
    }
    const byKey = new Map<string, Row>();
    for (const row of rows) {
      const key = row[KEY_COLUMN];
      delete row[KEY_COLUMN];
      byKey.set(String(key), row);
    }
    for (const w of waiting) w.resolve(byKey.get(w.key) ?? null);
  }

  function drain(): void {
    scheduled = false;
    const batches = [...queued];
    queued.clear();
    for (const [plan, waiting] of batches) void flush(plan, waiting);
  }

  return {
    lookup(plan, key) {
      return new Promise<Row | null>((resolve, reject) => {
        const waiting = queued.get(plan);
        if (waiting) waiting.push({ key, resolve, reject });
        else queued.set(plan, [{ key, resolve, reject }]);
        if (scheduled) return;
        scheduled = true;
        // The lookups that arrive in the same turn of the event loop share the statement.
        setImmediate(drain);
      });
    },
  };
}
