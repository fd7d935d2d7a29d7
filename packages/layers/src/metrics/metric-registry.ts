import {
  ArgumentError,
  accuracy,
  binaryAccuracy,
  describeValue,
  type MetricIdentifier,
  type MetricKind,
  meanAbsoluteError,
  meanSquaredError,
  metricKinds,
  UnknownNameError,
} from '@backprop/core';
import type { ResolvedLoss } from '../losses/loss-resolution';
import { aucMetric, thresholdMetric, topKCategoricalAccuracy } from './confusion-metrics';

/** A metric computed per batch and averaged over the samples of an epoch (Keras's stateful mean). */
export interface Metric {
  /** Key in logs and history: the name as given to `compile` (`accuracy`, `acc`, `mse`, …). */
  readonly name: string;
  /**
   * Mean of the metric over `rows` samples; `yTrue` is always one-hot (sparse labels are encoded first). For an
   * accumulating metric, the result over every batch since `reset`.
   */
  compute(yTrue: Float32Array, yPred: Float32Array, rows: number, cols: number): number;
  /**
   * Keras's Precision / Recall / AUC accumulate counts over an epoch (or an evaluate) instead of averaging batch
   * values; such a metric is reset when a new epoch or evaluation starts (see RunningMeans).
   */
  reset?(): void;
}

type ComputedKind = Exclude<MetricKind, 'accuracy'>;
type MeanKind = Exclude<ComputedKind, 'precision' | 'recall' | 'auc'>;

// Every metric is core's; `t` and `p` are exact-length views of one batch (rows × cols values).
const compute: Record<MeanKind, Metric['compute']> = {
  // Argmax of prediction equals argmax of target (Keras's categorical_accuracy). Core's `accuracy` reads
  // each { data, rows, cols } view by `argMaxRows` in place: two Int32Array(rows) per batch, no copy.
  categoricalAccuracy: (t, p, rows, cols) => accuracy({ data: t, rows, cols }, { data: p, rows, cols }),
  // Keras's binary_accuracy: (prediction > 0.5) == target, averaged over every output value.
  binaryAccuracy: (t, p) => binaryAccuracy(t, p),
  mse: (t, p) => meanSquaredError(t, p),
  mae: (t, p) => meanAbsoluteError(t, p),
  topKCategoricalAccuracy: (t, p, rows, cols) => topKCategoricalAccuracy(t, p, rows, cols),
};

/** An accumulating metric (Keras's confusion-matrix metrics), one state per compiled model. */
function accumulating(name: string, kind: 'precision' | 'recall' | 'auc'): Metric {
  const state = kind === 'auc' ? aucMetric() : thresholdMetric(kind);
  return {
    name,
    compute(t, p, rows, cols) {
      state.update(t, p, rows * cols);
      return state.result();
    },
    reset: () => state.reset(),
  };
}

/**
 * Resolve `compile({ metrics })`. `'accuracy'` / `'acc'` is chosen from the loss as Keras does
 * (keras/src/trainers/compile_utils.py): binary accuracy for binary cross-entropy or a single output
 * unit, categorical accuracy otherwise (sparse labels are compared after one-hot encoding).
 */
export function resolveMetrics(names: readonly (MetricIdentifier | string)[] | undefined, loss: ResolvedLoss, outputUnits: number): Metric[] {
  if (names === undefined) return [];
  if (!Array.isArray(names)) throw new ArgumentError(`metrics must be a list of names such as ['accuracy'], got ${describeValue(names)}`);
  const seen = new Set<string>();
  return names.map((name, i) => {
    if (typeof name !== 'string') throw new ArgumentError(`metrics[${i}] must be a metric name such as 'accuracy', got ${describeValue(name)}`);
    const kind = Object.hasOwn(metricKinds, name) ? metricKinds[name] : undefined;
    if (!kind) throw new UnknownNameError('metric', name, metricNames);
    if (seen.has(name) || name === 'loss') throw new ArgumentError(`metric "${name}" is listed twice or clashes with the loss`);
    seen.add(name);
    const binary = loss.spec.name === 'binaryCrossentropy' || outputUnits === 1;
    const resolved: ComputedKind = kind === 'accuracy' ? (binary && !loss.sparse ? 'binaryAccuracy' : 'categoricalAccuracy') : kind;
    if (resolved === 'categoricalAccuracy' && outputUnits === 1) {
      throw new ArgumentError(`metric "${name}" compares the argmax of several outputs, but the model has 1 output unit; use "binary_accuracy"`);
    }
    if (resolved === 'precision' || resolved === 'recall' || resolved === 'auc') return accumulating(name, resolved);
    return { name, compute: compute[resolved] };
  });
}

/** Every accepted metric name. */
export const metricNames: readonly string[] = Object.keys(metricKinds);
