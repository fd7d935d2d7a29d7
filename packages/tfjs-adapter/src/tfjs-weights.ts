import { type LayerWeights, NonFiniteError, ShapeError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';

/**
 * Copies of a tfjs Dense layer's kernel (inputs×units, row-major — the same layout as core and Keras) and bias.
 * `dataSync` can hand back the backend's own storage (the cpu backend does), so the values are always copied.
 */
export function readDenseWeights(dense: tf.layers.Layer): LayerWeights {
  const [kernel, bias] = dense.getWeights();
  return {
    kernel: Float32Array.from(kernel.dataSync() as Float32Array),
    bias: bias ? Float32Array.from(bias.dataSync() as Float32Array) : null,
  };
}

/** Replace a tfjs Dense layer's weights; sizes and finiteness are checked before anything is written. */
export function writeDenseWeights(dense: tf.layers.Layer, weights: LayerWeights, label: string): void {
  const [kernelVar, biasVar] = dense.getWeights();
  const [inputs, units] = kernelVar.shape;
  checkValues(weights.kernel, inputs * units, `${label} kernel (${inputs}x${units})`);
  if (biasVar) checkValues(weights.bias ?? [], units, `${label} bias (${units})`);
  else if (weights.bias && weights.bias.length > 0) throw new ShapeError(`${label} has no bias, got ${weights.bias.length} bias values`);
  const values: tf.Tensor[] = [tf.tensor2d(Float32Array.from(weights.kernel), [inputs, units])];
  if (biasVar && weights.bias) values.push(tf.tensor1d(Float32Array.from(weights.bias)));
  // assign() shares the data of the new tensors with the variables, so disposing ours afterwards is safe.
  // Assigned to the variables themselves: tfjs's layer.setWeights goes through LayerVariable.write, which applies
  // the weight's constraint; Keras's set_weights does not (constraints act after optimizer updates only).
  dense.weights.forEach((w, i) => (w.read() as tf.Variable).assign(values[i]));
  tf.dispose(values);
}

function checkValues(values: ArrayLike<number>, expected: number, name: string): void {
  if (!values || values.length !== expected) throw new ShapeError(`${name} expects ${expected} values, got ${values?.length ?? 0}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new NonFiniteError(`${name} value ${i} must be finite, got ${values[i]}`);
  }
}
