/**
 * Runs the periodic checks in the server process every few seconds: the deadline sweeper
 * (overdue steps, reminders, escalation) and the data timeliness check (R11.1). Several processes
 * may run them at once (deadline rows are locked with SKIP LOCKED; a timeliness lapse is notified
 * once). A pass never overlaps the previous one.
 */
import type { FastifyBaseLogger } from 'fastify';

export interface PeriodicTask {
  readonly name: string;
  run(): Promise<unknown>;
}

export function startSweeper(tasks: readonly PeriodicTask[], seconds: number, log: FastifyBaseLogger): () => Promise<void> {
  if (seconds <= 0) return async () => undefined;
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= (async () => {
      for (const task of tasks) {
        try {
          const result = await task.run();
          if (result && typeof result === 'object' && Object.values(result).some((v) => typeof v === 'number' && v > 0))
            log.info({ [task.name]: result }, task.name);
          else if (typeof result === 'number' && result > 0) log.info({ [task.name]: result }, task.name);
        } catch (err) {
          log.error({ err }, `${task.name} failed`);
        }
      }
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(pass, seconds * 1000);
  timer.unref();
  pass();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
