import type { BatchOptions, InputData, BatchSource, Sequential } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';

/**
 * `model.predict(x)` as a tfjs user expects it: a `tf.Tensor` of shape [rows, units] (tfjs's `model.predict`
 * returns a Tensor). The same as `model.predict(x, { output: 'tensor' })`, typed as tfjs's Tensor; dispose it
 * when done, as any tfjs tensor.
 */
export function predictTensor(model: Sequential, x: InputData | BatchSource | tf.Tensor, options: BatchOptions = {}): tf.Tensor2D {
  return model.predict(x as InputData, { ...options, output: 'tensor' }) as unknown as tf.Tensor2D;
}

/** What @backprop/layers' `predict(x, { output: 'tensor' })` builds with (registered on import, see register.ts). */
export function tensorFromRows(values: Float32Array, shape: readonly number[]): tf.Tensor {
  // A copy: the values belong to a Matrix the caller may keep using.
  return tf.tensor(Float32Array.from(values), [...shape]);
}
