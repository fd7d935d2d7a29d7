import { ArgumentError, describeValue, Matrix, type MatrixLike, type NamedWeight, ShapeError, shapeSize } from '@backprop/core';
import type { ModelPlan, PlanWeight } from './model-plan';

/**
 * One weight tensor as `getWeights` returns it: a 2-D weight (a Dense kernel) as a [inputs, units] Matrix,
 * any other (a bias, BatchNormalization's gamma, a Conv2D kernel) as its row-major Float32Array.
 */
export type WeightArray = Matrix | Float32Array;

/** What `setWeights` accepts for one tensor. */
export type WeightInput = WeightArray | MatrixLike | ArrayLike<number>;

/** Backend weights → Keras's flat list (`model.get_weights()`): copies, 2-D ones as Matrix. */
export function toKerasWeights(weights: readonly NamedWeight[]): WeightArray[] {
  return weights.map((w) => (w.shape.length === 2 ? new Matrix(w.shape[0], w.shape[1], Float32Array.from(w.values)) : Float32Array.from(w.values)));
}

/** Keras's flat list → the backends' named weights, every shape and value checked before anything is used. */
export function fromKerasWeights(values: readonly WeightInput[], plan: ModelPlan): NamedWeight[] {
  const expected = plan.weights;
  if (!Array.isArray(values) || values.length !== expected.length) {
    throw new ShapeError(
      `setWeights expects ${expected.length} arrays (${expected.map((w) => w.name).join(', ')}, in Keras's getWeights() order), got ${Array.isArray(values) ? values.length : describeValue(values)}`,
    );
  }
  return expected.map((w, i) => ({ name: w.name, shape: [...w.shape], values: toValues(values[i], w), trainable: w.trainable }));
}

/** `Dense "dense_1" kernel`, for messages. */
function label(w: PlanWeight): string {
  return `${w.layer.className} "${w.layer.name}" ${w.name.slice(w.layer.name.length + 1)}`;
}

function isFlat(value: WeightInput): value is ArrayLike<number> {
  return ArrayBuffer.isView(value) || (Array.isArray(value) && !Array.isArray(value[0]));
}

function toValues(value: WeightInput, w: PlanWeight): Float32Array {
  const name = label(w);
  if (value === undefined || value === null) throw new ArgumentError(`${name} is missing`);
  const shape = w.shape;
  const count = shapeSize(shape);
  if (isFlat(value)) {
    // A flat row-major array is accepted when its length fits.
    if (value.length !== count) {
      throw new ShapeError(`${name} expects shape [${shape.join(', ')}]${shape.length === 1 ? '' : ` (${count} values)`}, got ${value.length} values`);
    }
    return Matrix.column(value).assertFinite(name).data;
  }
  const m = Matrix.from(value as MatrixLike, name);
  if (shape.length === 2 && (m.rows !== shape[0] || m.cols !== shape[1])) throw new ShapeError(`${name} expects shape [${shape.join(', ')}], got [${m.rows}, ${m.cols}]`);
  // A 1-D weight may come as a [1, n] or [n, 1] matrix.
  if (shape.length === 1 && ((m.rows !== 1 && m.cols !== 1) || m.data.length !== count)) throw new ShapeError(`${name} expects shape [${count}], got [${m.rows}, ${m.cols}]`);
  if (shape.length > 2) throw new ShapeError(`${name} expects shape [${shape.join(', ')}] as a flat row-major array of ${count} values, got a [${m.rows}, ${m.cols}] matrix`);
  return Float32Array.from(m.assertFinite(name).data);
}
