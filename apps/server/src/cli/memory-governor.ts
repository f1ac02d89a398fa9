/**
 * Keeps a long streaming command (gongshu load) under a memory ceiling. While rows stream in fast,
 * V8 grows its heap lazily before collecting, so the peak RSS of the same load varied from 231 to
 * 421 MB between runs (docs/benchmarks.md). When the RSS passes the ceiling, a full collection
 * returns the garbage; the live data of a load is small (a batch of rows), so this costs
 * milliseconds. The collector is reached through V8's own flag, set at run time.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const CHECK_MS = 100;
/** At most one forced collection per this interval, even if the RSS stays above the ceiling. */
const MIN_GAP_MS = 1000;

export function governMemory(ceilingBytes: number): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let last = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    if (now - last >= MIN_GAP_MS && process.memoryUsage.rss() > ceilingBytes) {
      last = now;
      gc();
    }
  }, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
