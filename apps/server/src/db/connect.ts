/**
 * Opens the one database: embedded PGlite in a data folder by default, PostgreSQL when a URL is
 * given (decision 1). Both return int8 as JS numbers and dates as 'YYYY-MM-DD', so code and tests
 * see one shape.
 */
import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** The PGlite instance when embedded (for dumps and backups), else null. */
  readonly pglite: PGlite | null;
  /** The pg pool when on PostgreSQL (for COPY streams), else null. */
  readonly pool: pg.Pool | null;
  close(): Promise<void>;
}

const INT8_OID = 20;
const DATE_OID = 1082;
const toNumber = (value: string): number => Number(value);
/** Dates stay 'YYYY-MM-DD' strings: a JS Date would shift them by the process time zone. */
const asText = (value: string): string => value;

/** pg's own parsers, except int8 as a number (counts, sequence numbers) and dates as text. */
const pgTypeParser = ((oid: number, format?: 'text' | 'binary'): unknown =>
  oid === INT8_OID
    ? toNumber
    : oid === DATE_OID
      ? asText
      : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser;

/** PGlite parsers with the same choices. */
export const PGLITE_PARSERS = { [INT8_OID]: toNumber, [DATE_OID]: asText };

export type OpenOptions = { readonly url: string; readonly poolSize?: number } | { readonly dataDir: string } | { readonly pglite: PGlite };

export async function openDatabase(options: OpenOptions): Promise<Db> {
  if ('url' in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: { getTypeParser: pgTypeParser },
    });
    // An idle client that loses its connection (server restart, admin kill) must not crash the
    // process: the pool drops it and the next query connects again.
    pool.on('error', () => undefined);
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, kind: 'postgres', pglite: null, pool, close: () => kysely.destroy() };
  }
  let pglite: PGlite;
  if ('pglite' in options) {
    pglite = options.pglite;
  } else {
    await mkdir(options.dataDir, { recursive: true });
    // Loaded on demand: a process on PostgreSQL never pays for the WebAssembly engine.
    const { PGlite: Engine } = await import('@electric-sql/pglite');
    pglite = await Engine.create(options.dataDir, { parsers: PGLITE_PARSERS });
  }
  const instance = pglite;
  const kysely = new Kysely<Database>({ dialect: new PGliteDialect(async () => instance) });
  return {
    kysely,
    kind: 'pglite',
    pglite: instance,
    pool: null,
    close: async () => {
      await kysely.destroy();
      if (!instance.closed) await instance.close();
    },
  };
}
