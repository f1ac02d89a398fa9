/**
 * Runs the deadline sweeper every few seconds in the server process. Several processes may run
 * it at once: the sweep locks its rows with SKIP LOCKED. A pass never overlaps the previous one.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { DeadlinesService } from '../modules/deadlines/deadlines.service.js';

export function startSweeper(deadlines: DeadlinesService, seconds: number, log: FastifyBaseLogger): () => Promise<void> {
  if (seconds <= 0) return async () => undefined;
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= deadlines
      .sweep()
      .then((result) => {
        if (result.overdue > 0 || result.reminded > 0) log.info({ sweep: result }, 'deadline sweep');
      })
      .catch((err: unknown) => log.error({ err }, 'deadline sweep failed'))
      .finally(() => {
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
