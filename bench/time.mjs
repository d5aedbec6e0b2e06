// Shared timing helper for the benchmarks.

/** Best of `runs`: a benchmark measures the code, not what else the machine is doing. */
export function time(fn, runs = 3) {
  let best = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    if (global.gc) global.gc();
    const t0 = performance.now();
    result = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}
