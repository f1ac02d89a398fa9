/**
 * Deadline sweeper benchmark: N open steps past due, one sweep marks them overdue, notifies the
 * responsible stewards, escalates to the bureau and audits each. Reports steps per second on
 * PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set (a scratch database is created).
 * Run: node --import tsx bench/sweeper.ts [N]
 */
import { sql } from 'kysely';
import { loadConfig } from '../apps/server/src/config.js';
import { systemClock, systemContext } from '../apps/server/src/context.js';
import type { Db } from '../apps/server/src/db/connect.js';
import { onScratchDatabases } from './scratch-databases.js';
import { prepareDatabase } from '../apps/server/src/setup.js';
import { seedDemoCity } from '../apps/server/src/modules/seed/seed.service.js';
import { createServices } from '../apps/server/src/services.js';

const N = Number(process.argv[2] ?? 5000);

async function run(kind: string, db: Db): Promise<void> {
  const services = createServices(db, loadConfig({ NODE_ENV: 'test' }), systemClock);
  await prepareDatabase(db, services);
  await seedDemoCity(services, systemContext());
  await sql`
    insert into deadlines (subject_type, subject_id, step, title, rule_set_id, article, requirement, responsible_agency_id,
      working_days, started_at, received_on, due_on, due_at, provisional, state)
    select 'bench', g::text, 'rectification.response', 'bench ' || g, (select id from rule_sets limit 1), '第三十五条', 'R35.1',
      (select id from agencies where kind <> 'bureau' order by code offset (g % 20) limit 1),
      5, now() - interval '20 days', current_date - 20, current_date - 10, now() - interval '10 days', false, 'open'
    from generate_series(1, ${N}) g`.execute(db.kysely);
  const started = performance.now();
  const result = await services.deadlines.sweep(new Date());
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      benchmark: 'sweeper',
      database: kind,
      steps: result.overdue,
      seconds: Number(seconds.toFixed(2)),
      stepsPerSecond: Math.round(result.overdue / seconds),
    }),
  );
}

await onScratchDatabases(run);
