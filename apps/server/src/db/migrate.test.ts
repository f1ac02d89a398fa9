import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

describe('migrations', () => {
  it('are timestamp-named and listed in order', () => {
    const names = Object.keys(migrations);
    for (const name of names) expect(name).toMatch(/^\d{8}T\d{4}_[a-z0-9_]+$/);
    expect([...names].sort()).toEqual(names);
  });

  it('apply to an empty database and are a no-op the second time', { timeout: 60_000 }, async () => {
    const db = await createTestDatabase({ empty: true });
    try {
      const first = await migrateToLatest(db.kysely);
      expect(first.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
      const second = await migrateToLatest(db.kysely);
      expect(second.results).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
