import { type ActivationSpec, ArgumentError, EPSILON, type LossName, type LossSpec, lossNames } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsUnsupportedError } from './errors';

/**
 * A loss in tf ops: `pred` is the network's training output (or the logits when `fromLogits`), `target` the labels,
 * both rows × units; the result is the scalar core's loss of the same name returns.
 */
export interface TfjsLoss {
  readonly name: LossName;
  /**
   * True for softmax + categorical cross-entropy without dropout on the last layer: the loss takes the last
   * layer's logits (see `fusedSoftmaxCrossEntropy`).
   */
  readonly fromLogits: boolean;
  compute(pred: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar;
}

/**
 * The losses are written out with tf ops rather than taken from `tf.losses` / tfjs-layers, because those differ
 * from core (and Keras) in ways that show up in a parity check:
 * - tfjs-layers' binaryCrossentropy turns clipped probabilities back into logits (log(p/(1−p))) and uses
 *   sigmoidCrossEntropyWithLogits; core uses Keras's −(t·log q + (1−t)·log(1−q)) on q = clip(p).
 * - `tf.losses.*` default to a SUM_BY_NONZERO_WEIGHTS reduction; core takes the batch mean of the per-sample loss.
 * - `tf.losses.hingeLoss` always converts labels 2t − 1; core (like Keras) does so only for 0/1 labels.
 * - tfjs-layers has no sum-of-squares loss (`sse` is the tutorials' ½·Σ per sample).
 */
export function tfjsLoss(spec: LossSpec, lastActivation: ActivationSpec, lastDropoutRate = 0): TfjsLoss {
  const name = spec.name;
  // Core's rule (DenseNetwork's fusedSoftmaxCrossEntropy): fused only when nothing sits between the softmax and
  // the loss. With dropout on the last layer core applies the mask to the softmax output and takes the plain
  // categorical cross-entropy (p / Σp, clipped) of that, backpropagating through the mask and the softmax.
  if (name === 'categoricalCrossentropy' && lastActivation.name === 'softmax' && lastDropoutRate === 0) {
    return { name, fromLogits: true, compute: (z, t) => fusedSoftmaxCrossEntropy(z, t) };
  }
  const build = elementLosses[name];
  if (!build) throw new TfjsUnsupportedError('loss', String(name), lossNames);
  const compute = build(spec);
  return { name, fromLogits: false, compute: (p, t) => compute(p, t, p.shape[0]) as tf.Scalar };
}

type LossFn = (p: tf.Tensor2D, t: tf.Tensor2D, rows: number) => tf.Tensor;

/** e·sign(e) is |e| with gradient sign(e) (0 at 0, as core's Math.sign); tf.abs's gradient at 0 is −1. */
const absolute = (e: tf.Tensor): tf.Tensor => tf.mul(e, tf.sign(e));

const elementLosses: Record<LossName, (spec: LossSpec) => LossFn> = {
  // ½·Σ(p − t)² per sample, batch mean: the tutorials' loss, whose gradient is (p − t)/rows.
  sse: () => (p, t, rows) => tf.div(tf.mul(0.5, tf.sum(tf.squaredDifference(p, t))), rows),
  mse: () => (p, t) => tf.mean(tf.squaredDifference(p, t)),
  mae: () => (p, t) => tf.mean(absolute(tf.sub(p, t))),
  // Root of the mean over the whole batch, as core. Porting note: the gradient is NaN when p = t everywhere
  // (√ at 0), where core returns 0; training never gets there in practice.
  rmse: () => (p, t) => tf.sqrt(tf.mean(tf.squaredDifference(p, t))),
  huber: ({ delta = 1 }) => {
    if (!(delta > 0)) throw new ArgumentError(`huber delta must be > 0, got ${delta}`);
    return (p, t) => {
      // q = min(|e|, δ): ½q² + δ(|e| − q) is ½e² within δ and δ(|e| − ½δ) outside (the formula of tf.losses.huberLoss).
      // Written without tf.where, whose comparison would sit on the gradient tape (tfjs has no gradient for LessEqual);
      // at |e| = δ tf.minimum sends the gradient to |e|, so the boundary is quadratic, as core's (≤ δ).
      const absE = absolute(tf.sub(p, t));
      const q = tf.minimum(absE, delta);
      return tf.mean(tf.add(tf.mul(0.5, tf.square(q)), tf.mul(delta, tf.sub(absE, q))));
    };
  },
  // log cosh e = |e| + log1p(e^(−2|e|)) − log 2, so cosh never overflows (Keras's formula, as core).
  logCosh: () => (p, t) => {
    const absE = absolute(tf.sub(p, t));
    return tf.mean(tf.sub(tf.add(absE, tf.log1p(tf.exp(tf.mul(-2, absE)))), Math.LN2));
  },
  binaryCrossentropy: () => (p, t) => {
    const q = tf.clipByValue(p, EPSILON, 1 - EPSILON);
    const oneMinusT = tf.sub(1, t);
    return tf.neg(tf.mean(tf.add(tf.mul(t, tf.log(q)), tf.mul(oneMinusT, tf.log(tf.sub(1, q))))));
  },
  // Keras's non-fused form: q = p / Σp per row, clipped to [ε, 1 − ε]; −Σ t·log q per sample, batch mean.
  categoricalCrossentropy: () => (p, t, rows) => {
    const q = tf.clipByValue(tf.div(p, tf.sum(p, -1, true)), EPSILON, 1 - EPSILON);
    return tf.div(tf.neg(tf.sum(tf.mul(t, tf.log(q)))), rows);
  },
  hinge: () => (p, t) => {
    // Keras converts 0/1 labels to −1/+1 and leaves ±1 labels alone; decided per batch, as core does.
    const binary = tf.cast(tf.all(tf.logicalOr(tf.equal(t, 0), tf.equal(t, 1))), 'float32');
    const y = tf.add(t, tf.mul(binary, tf.sub(t, 1)));
    // relu's gradient at 0 is 0, matching core's (1 − y·p > 0 ? −y : 0).
    return tf.mean(tf.relu(tf.sub(1, tf.mul(y, p))));
  },
  // Σ t·log(t/p) per sample with both clipped to [ε, 1], as Keras's kl_divergence.
  kld: () => (p, t, rows) => {
    const tc = tf.clipByValue(t, EPSILON, 1);
    const pc = tf.clipByValue(p, EPSILON, 1);
    return tf.div(tf.sum(tf.mul(tc, tf.log(tf.div(tc, pc)))), rows);
  },
};

/**
 * Softmax + categorical cross-entropy on logits z, with core's fused gradient:
 * value −Σ t·log(max(softmax(z), ε)) / rows; gradient (softmax(z)·Σⱼtⱼ − t) / rows.
 *
 * Porting note: tfjs-layers backpropagates through the probability clip of categoricalCrossentropy, so a
 * class predicted below ε gets no gradient; Keras on TensorFlow recovers the logits of a softmax output and
 * does not clip the gradient; core's fused kernel (and this) follow Keras.
 */
export function fusedSoftmaxCrossEntropy(logits: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
  const rows = logits.shape[0];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [z, t, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    const probs = tf.softmax(z);
    save([probs, t]);
    const value = tf.div(tf.neg(tf.sum(tf.mul(t, tf.log(tf.maximum(probs, EPSILON))))), rows);
    return {
      value: value as tf.Scalar,
      gradFunc: (dy, saved) => {
        const [p, y] = saved;
        const grad = tf.mul(tf.div(tf.sub(tf.mul(p, tf.sum(y, -1, true)), y), rows), dy);
        return [grad, tf.zerosLike(y)];
      },
    };
  });
  return op(logits, target) as tf.Scalar;
}
