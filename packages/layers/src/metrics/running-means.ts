/** Logs passed to callbacks and stored in History: metric name → value. */
export type Logs = Record<string, number>;

/**
 * Sample-weighted means of the loss and metrics over the batches seen so far — what Keras's progress
 * bar and epoch logs report (its `Mean` trackers are updated with the batch size as weight).
 */
export class RunningMeans {
  private readonly sums = new Map<string, number>();
  private count = 0;

  /** Add one batch of `rows` samples whose mean values are `values`. */
  add(values: Logs, rows: number): void {
    for (const [key, value] of Object.entries(values)) this.sums.set(key, (this.sums.get(key) ?? 0) + value * rows);
    this.count += rows;
  }

  /** The means so far, keys prefixed with `prefix` (`val_` for validation). */
  means(prefix = ''): Logs {
    const out: Logs = {};
    for (const [key, sum] of this.sums) out[prefix + key] = sum / this.count;
    return out;
  }
}
