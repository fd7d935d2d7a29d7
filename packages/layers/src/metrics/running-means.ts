/** Logs passed to callbacks and stored in History: metric name → value. */
export type Logs = Record<string, number>;

/**
 * Sample-weighted means of the loss and metrics over the batches seen so far — what Keras's progress
 * bar and epoch logs report (its `Mean` trackers are updated with the batch size as weight).
 */
export class RunningMeans {
  private readonly sums = new Map<string, number>();
  private count = 0;
  /** Accumulating metrics (Precision, Recall, AUC): their latest result is their value, not averaged. */
  private readonly latest = new Map<string, number>();
  private readonly accumulating: ReadonlySet<string>;

  /** Starts a pass (an epoch, an evaluation): accumulating metrics among `metrics` are reset, as Keras's `reset_state`. */
  constructor(metrics: readonly { readonly name: string; reset?(): void }[] = []) {
    for (const m of metrics) m.reset?.();
    this.accumulating = new Set(metrics.filter((m) => m.reset).map((m) => m.name));
  }

  /** Add one batch of `rows` samples whose mean values are `values`. */
  add(values: Logs, rows: number): void {
    for (const [key, value] of Object.entries(values)) {
      if (this.accumulating.has(key)) this.latest.set(key, value);
      else this.sums.set(key, (this.sums.get(key) ?? 0) + value * rows);
    }
    this.count += rows;
  }

  /** The means so far, keys prefixed with `prefix` (`val_` for validation). */
  means(prefix = ''): Logs {
    const out: Logs = {};
    for (const [key, sum] of this.sums) out[prefix + key] = sum / this.count;
    for (const [key, value] of this.latest) out[prefix + key] = value;
    return out;
  }
}
