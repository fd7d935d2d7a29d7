import { NotSupportedError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import type { TfjsLoss } from './tfjs-losses';

/**
 * Keras 3's weighted loss with the `sum_over_batch_size` reduction (keras/src/losses/loss.py, `reduce_values`):
 * Σᵣ wᵣ·lᵣ / rows, each row's loss lᵣ computed by the batch loss on that row alone — the rule core's
 * `weightedLoss` follows, so both engines weight the same numbers.
 */
export function weightedTfjsLoss(loss: TfjsLoss, pred: tf.Tensor2D, target: tf.Tensor2D, weights: Float32Array): tf.Scalar {
  if (loss.name === 'rmse') throw new NotSupportedError('rmse loss', 'sampleWeight (the root of a batch mean has no per-sample terms)');
  const rows = pred.shape[0];
  const preds = tf.split(pred, rows, 0) as tf.Tensor2D[];
  const targets = tf.split(target, rows, 0) as tf.Tensor2D[];
  let total: tf.Tensor = tf.scalar(0);
  for (let r = 0; r < rows; r++) {
    if (weights[r] !== 0) total = tf.add(total, tf.mul(loss.compute(preds[r], targets[r]), weights[r]));
  }
  return tf.div(total, rows) as tf.Scalar;
}
