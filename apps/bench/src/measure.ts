/** Median of a list (the middle of the sorted values; the mean of the two middle ones for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Milliseconds per call of `step`: `warmup` untimed calls (JIT, caches, allocations), then `repeats`
 * timed rounds of `steps` calls; the median round is reported, since this machine is shared and noisy.
 */
export async function timeSteps(
  step: () => unknown | Promise<unknown>,
  options: { steps: number; warmup: number; repeats: number },
): Promise<{ msPerStep: number; rounds: number[] }> {
  for (let i = 0; i < options.warmup; i++) await step();
  const rounds: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < options.steps; i++) await step();
    rounds.push(Number(process.hrtime.bigint() - start) / 1e6 / options.steps);
  }
  return { msPerStep: median(rounds), rounds };
}
