import { ArgumentError, NonFiniteError, ShapeError } from '../errors';
import type { FloatArray } from '../matrix';
import type { DenseLayerState } from './dense-layer-state';

/** Weights for one tensor: exactly `expected` finite values; `name` (e.g. `layer 1 kernel (7x3)`) goes into the message. */
export function checkWeightValues(values: ArrayLike<number>, expected: number, name: string): void {
  if (!values || values.length !== expected) {
    throw new ShapeError(`${name} expects ${expected} values, got ${values?.length ?? 0}`);
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new NonFiniteError(`${name} value ${i} must be finite, got ${values[i]}`);
  }
}

/** Weights for every layer of a network, checked in full before any is written. */
export function checkLayerWeights(layers: readonly DenseLayerState[], weights: readonly { kernel: ArrayLike<number>; bias?: ArrayLike<number> | null }[]): void {
  if (weights.length !== layers.length) {
    throw new ShapeError(`setWeights expects weights for ${layers.length} layers, got ${weights.length}`);
  }
  weights.forEach((w, i) => {
    const layer = layers[i];
    checkWeightValues(w.kernel, layer.kernel.length, `layer ${i} kernel (${layer.inputs}x${layer.units})`);
    if (layer.bias) checkWeightValues(w.bias ?? [], layer.bias.length, `layer ${i} bias (${layer.units})`);
    else if (w.bias && w.bias.length > 0) throw new ShapeError(`layer ${i} has no bias, got ${w.bias.length} bias values`);
  });
}

/** A batch of `rows` rows of `width` values: a positive row count and a buffer long enough. */
export function checkBatchShape(data: FloatArray, rows: number, width: number, name: string): void {
  if (!Number.isInteger(rows) || rows <= 0) throw new ArgumentError(`${name} batch size must be a positive integer, got ${rows}`);
  if (data.length < rows * width) {
    throw new ShapeError(`${name} must hold ${rows} rows of width ${width} (${rows * width} values), got ${data.length} values`);
  }
}
