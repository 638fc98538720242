/** Small load helpers for the HTTP bench: a bounded closed-loop runner and percentiles. Loopback only. */
export interface Figures {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs `task` from `concurrency` loops until `seconds` pass (or `maxCount` tasks); every task must succeed. */
export async function load(task: () => Promise<void>, o: { concurrency: number; seconds: number; maxCount?: number }): Promise<Figures> {
  const latencies: number[] = [];
  const deadline = performance.now() + o.seconds * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < deadline && latencies.length < (o.maxCount ?? Infinity)) {
      const t = performance.now();
      await task();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { count: latencies.length, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export const fmt = (f: Figures) => `${f.perSecond.toFixed(0).padStart(6)} /s   p50 ${f.p50.toFixed(2).padStart(7)} ms   p99 ${f.p99.toFixed(2).padStart(7)} ms   (n=${f.count})`;
