import { ArgumentError, NonFiniteError, NotSupportedError } from '../errors';
import { Dense } from '../layers/dense';
import type { Layer, LayerWeight } from '../layers/layer';
import type { Loss } from '../losses/loss-registry';
import type { FloatArray } from '../matrix';
import { addPenaltyGradient, applyConstraint, penaltyValue } from '../regularizers/weight-penalty';

/** The probability floor of the fused softmax + cross-entropy kernel (see `Kernels.softmaxCrossEntropy`). */
const CROSS_ENTROPY_EPSILON = 1e-7;

/**
 * Σ of the layers' losses (Keras's `model.losses`): every weight's regularization penalty plus every Dense's
 * activity penalty on its output of the last forward pass. Keras 3 adds this sum to the batch loss, in
 * training and in evaluation alike (`Trainer.compute_loss`), unweighted by sample weights.
 */
export function regularizationLoss(layers: readonly Layer[], rows: number): number {
  let total = 0;
  for (const layer of layers) {
    for (const w of layer.weights) if (w.regularizer) total += penaltyValue(w.regularizer, w.value);
    if (layer instanceof Dense) total += layer.activityPenalty(rows);
  }
  return total;
}

/** Adds each regularized weight's penalty gradient to the gradient the backward pass wrote. */
export function addRegularizationGradients(weights: readonly LayerWeight[]): void {
  for (const w of weights) if (w.regularizer) addPenaltyGradient(w.regularizer, w.value, w.grad);
}

/** Projects every constrained weight, as Keras's optimizer does after applying an update. */
export function applyConstraints(weights: readonly LayerWeight[]): void {
  for (const w of weights) if (w.constraint) applyConstraint(w.constraint, w.value, w.shape);
}

/** Sample weights: one finite, non-negative number per row of the batch. */
export function checkSampleWeights(weights: FloatArray, rows: number): void {
  if (weights.length < rows) throw new ArgumentError(`sampleWeight must hold one weight per row (${rows}), got ${weights.length}`);
  for (let r = 0; r < rows; r++) {
    if (!Number.isFinite(weights[r])) throw new NonFiniteError(`sampleWeight[${r}] of the batch must be finite, got ${weights[r]}`);
    if (weights[r] < 0) throw new ArgumentError(`sampleWeight[${r}] of the batch must be >= 0, got ${weights[r]}`);
  }
}

/**
 * Keras 3's weighted loss with its default reduction, `sum_over_batch_size` (keras/src/losses/loss.py,
 * `reduce_values`): Σᵣ wᵣ·lᵣ / rows, lᵣ the per-sample loss. Each row's loss is the loss's own value on
 * that row. Porting note: hinge decides per row (not per batch) whether 0/1 labels become −1/+1.
 */
export function weightedLoss(loss: Loss, pred: FloatArray, target: FloatArray, weights: FloatArray, rows: number, cols: number): number {
  if (loss.name === 'rmse') throw new NotSupportedError('rmse loss', 'sampleWeight (the root of a batch mean has no per-sample terms)');
  let total = 0;
  for (let r = 0; r < rows; r++) {
    if (weights[r] === 0) continue;
    const o = r * cols;
    total += weights[r] * loss.value(pred.subarray(o, o + cols), target.subarray(o, o + cols), 1, cols);
  }
  return total / rows;
}

/**
 * The fused softmax + cross-entropy with sample weights, after its kernel ran: scales the kernel's ∂loss/∂z
 * rows by wᵣ and returns Σᵣ wᵣ·(−Σⱼ yⱼ·log(max(pⱼ, ε))) / rows from the kernel's probabilities.
 */
export function weightedCrossEntropy(fused: Dense, target: FloatArray, weights: FloatArray, rows: number, cols: number): number {
  scaleRows(fused.preActivationGrad, weights, rows, cols);
  const probs = fused.output;
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let row = 0;
    for (let j = 0; j < cols; j++) if (target[o + j] !== 0) row -= target[o + j] * Math.log(Math.max(probs[o + j], CROSS_ENTROPY_EPSILON));
    total += weights[r] * row;
  }
  return total / rows;
}

/**
 * Row r of a batch-mean loss gradient (which carries 1/rows already) times wᵣ: the gradient of Σᵣ wᵣ·lᵣ / rows.
 */
export function scaleRows(grad: FloatArray, weights: FloatArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const w = weights[r];
    if (w === 1) continue;
    for (let j = r * cols; j < (r + 1) * cols; j++) grad[j] *= w;
  }
}
