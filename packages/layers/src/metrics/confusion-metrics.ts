/**
 * Keras's confusion-matrix metrics (keras/src/metrics/confusion_metrics.py): state accumulated over every batch of
 * an epoch or an evaluate — not an average of batch values — then read once. Every output value is one binary
 * prediction against its target (a one-hot row gives one positive and cols − 1 negatives), as Keras flattens them.
 */
export interface ConfusionState {
  update(yTrue: Float32Array, yPred: Float32Array, n: number): void;
  result(): number;
  reset(): void;
}

/** Keras's `backend.epsilon()`: the end thresholds of AUC are −ε and 1 + ε. */
const EPSILON = 1e-7;

/** `Precision()` / `Recall()` with Keras's default threshold 0.5: a value is predicted positive when > 0.5. */
export function thresholdMetric(kind: 'precision' | 'recall'): ConfusionState {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  return {
    update(t, p, n) {
      for (let i = 0; i < n; i++) {
        const predicted = p[i] > 0.5;
        const actual = t[i] !== 0;
        if (predicted && actual) tp++;
        else if (predicted) fp++;
        else if (actual) fn++;
      }
    },
    // divide_no_nan: 0 when nothing was predicted (precision) or nothing is positive (recall).
    result: () => {
      const d = kind === 'precision' ? tp + fp : tp + fn;
      return d === 0 ? 0 : tp / d;
    },
    reset() {
      tp = fp = fn = 0;
    },
  };
}

/**
 * Keras's `AUC()`: ROC curve, 200 thresholds [−ε, 1/199, …, 198/199, 1 + ε], area by the trapezoidal
 * ("interpolation") rule over (false-positive rate, recall) at each threshold. Counts per threshold come from
 * one histogram of how many thresholds each prediction exceeds (Keras's bucketed update does the same).
 */
export function aucMetric(numThresholds = 200): ConfusionState {
  const thresholds = Float32Array.from({ length: numThresholds }, (_, i) =>
    i === 0 ? -EPSILON : i === numThresholds - 1 ? 1 + EPSILON : i / (numThresholds - 1),
  );
  // positives[c] / negatives[c]: how many values exceed exactly the first c thresholds.
  const positives = new Float64Array(numThresholds + 1);
  const negatives = new Float64Array(numThresholds + 1);
  const exceeded = (p: number): number => {
    let lo = 0;
    let hi = numThresholds;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (p > thresholds[mid]) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    update(t, p, n) {
      for (let i = 0; i < n; i++) (t[i] !== 0 ? positives : negatives)[exceeded(p[i])] += 1;
    },
    result() {
      const totalPos = positives.reduce((a, b) => a + b, 0);
      const totalNeg = negatives.reduce((a, b) => a + b, 0);
      const tpr = new Float64Array(numThresholds);
      const fpr = new Float64Array(numThresholds);
      // tp at threshold i: positives exceeding more than i thresholds (p > thresholds[i]).
      let tp = totalPos;
      let fp = totalNeg;
      for (let i = 0; i < numThresholds; i++) {
        tp -= positives[i];
        fp -= negatives[i];
        tpr[i] = totalPos === 0 ? 0 : tp / totalPos;
        fpr[i] = totalNeg === 0 ? 0 : fp / totalNeg;
      }
      let area = 0;
      for (let i = 0; i < numThresholds - 1; i++) area += (fpr[i] - fpr[i + 1]) * ((tpr[i] + tpr[i + 1]) / 2);
      return area;
    },
    reset() {
      positives.fill(0);
      negatives.fill(0);
    },
  };
}

/**
 * Keras's `top_k_categorical_accuracy` (k = 5): the fraction of rows whose true class (argmax of the one-hot
 * target) is among the k highest predictions. A class ranks by how many classes score strictly higher.
 */
export function topKCategoricalAccuracy(yTrue: Float32Array, yPred: Float32Array, rows: number, cols: number, k = 5): number {
  let hits = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let label = 0;
    for (let j = 1; j < cols; j++) if (yTrue[o + j] > yTrue[o + label]) label = j;
    let higher = 0;
    for (let j = 0; j < cols; j++) if (yPred[o + j] > yPred[o + label]) higher++;
    if (higher < k) hits++;
  }
  return hits / rows;
}
