import { ArgumentError, describeValue, type Matrix } from '@backprop/core';
import { ModelStateError } from '../model/model-state-error';
import type { TensorLike } from './sample-data';

export type { TensorLike };

/** Builds a tensor from row-major values and a shape: `tf.tensor(values, shape)`, registered by @backprop/tfjs-adapter. */
export type TensorFactory = (values: Float32Array, shape: readonly number[]) => TensorLike;

let tensorFactory: TensorFactory | null = null;

/**
 * Lets `predict(x, { output: 'tensor' })` return tensors. @backprop/tfjs-adapter registers `tf.tensor` on import,
 * as it registers its backend; @backprop/layers itself never imports tfjs.
 */
export function registerTensorFactory(factory: TensorFactory): void {
  if (typeof factory !== 'function') throw new ArgumentError(`registerTensorFactory expects a function (values, shape) => tensor, got ${describeValue(factory)}`);
  tensorFactory = factory;
}

/** What `predict` returns: a Matrix (default), or with `output: 'tensor'` a tf.Tensor of shape [rows, units]. */
export type PredictOutput = 'matrix' | 'tensor';

/** `output` taken out of predict's options; anything but an object is left for `batchOptions` to refuse. */
export function splitOutputOption<O extends { output?: unknown }>(options: O): { output: unknown; rest: Omit<O, 'output'> } {
  if (options === null || typeof options !== 'object') return { output: undefined, rest: options };
  const { output, ...rest } = options;
  return { output, rest };
}

/** `predict`'s result in the form asked for. */
export function predictOutput(result: Matrix, output: unknown): Matrix | TensorLike {
  if (output === undefined || output === 'matrix') return result;
  if (output !== 'tensor') throw new ArgumentError(`predict options: output must be "matrix" or "tensor", got ${describeValue(output)}`);
  if (!tensorFactory) {
    throw new ModelStateError("predict(x, { output: 'tensor' }) needs TensorFlow.js: import '@backprop/tfjs-adapter' first (it registers tf.tensor)");
  }
  return tensorFactory(result.data, [result.rows, result.cols]);
}
