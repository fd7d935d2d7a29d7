import { ArgumentError, describeValue, type LayerWeights, Matrix, type MatrixLike, ShapeError } from '@backprop/core';
import type { ModelPlan } from './model-plan';

/** One weight tensor as `getWeights` returns it: a kernel as a [inputs, units] Matrix, a bias as a Float32Array. */
export type WeightArray = Matrix | Float32Array;

/** What `setWeights` accepts for one tensor. */
export type WeightInput = WeightArray | MatrixLike | ArrayLike<number>;

/** Backend weights → Keras's flat list: kernel, bias, kernel, bias, … (a layer without bias has no entry). */
export function toKerasWeights(weights: readonly LayerWeights[], plan: ModelPlan): WeightArray[] {
  const out: WeightArray[] = [];
  weights.forEach((w, i) => {
    const { inputs, layer } = plan.dense[i];
    out.push(new Matrix(inputs, layer.units, Float32Array.from(w.kernel)));
    if (layer.useBias && w.bias) out.push(Float32Array.from(w.bias));
  });
  return out;
}

/** Keras's flat list → per-layer weights, every shape and value checked before anything is used. */
export function fromKerasWeights(values: readonly WeightInput[], plan: ModelPlan): LayerWeights[] {
  const expected = plan.dense.reduce((n, d) => n + (d.layer.useBias ? 2 : 1), 0);
  if (!Array.isArray(values) || values.length !== expected) {
    throw new ShapeError(
      `setWeights expects ${expected} arrays (the kernel and bias of each Dense layer, in order), got ${Array.isArray(values) ? values.length : describeValue(values)}`,
    );
  }
  let next = 0;
  return plan.dense.map(({ layer, inputs }) => {
    const kernel = toKernel(values[next++], inputs, layer.units, `Dense "${layer.name}" kernel`);
    const bias = layer.useBias ? toBias(values[next++], layer.units, `Dense "${layer.name}" bias`) : null;
    return { kernel, bias };
  });
}

function toKernel(value: WeightInput, rows: number, cols: number, name: string): Float32Array {
  if (ArrayBuffer.isView(value) || (Array.isArray(value) && !Array.isArray(value[0]))) {
    // A flat row-major array is accepted when its length fits.
    const flat = value as ArrayLike<number>;
    if (flat.length !== rows * cols) throw new ShapeError(`${name} expects shape [${rows}, ${cols}] (${rows * cols} values), got ${flat.length} values`);
    return Matrix.column(flat).assertFinite(name).data;
  }
  const m = Matrix.from(value as MatrixLike, name);
  if (m.rows !== rows || m.cols !== cols) throw new ShapeError(`${name} expects shape [${rows}, ${cols}], got [${m.rows}, ${m.cols}]`);
  return Float32Array.from(m.assertFinite(name).data);
}

function toBias(value: WeightInput, units: number, name: string): Float32Array {
  if (value === undefined || value === null) throw new ArgumentError(`${name} is missing`);
  let flat: ArrayLike<number>;
  if (ArrayBuffer.isView(value) || (Array.isArray(value) && !Array.isArray(value[0]))) {
    flat = value as ArrayLike<number>;
  } else {
    // A [1, units] or [units, 1] matrix is accepted too.
    const m = Matrix.from(value as MatrixLike, name);
    if (m.rows !== 1 && m.cols !== 1) throw new ShapeError(`${name} expects shape [${units}], got [${m.rows}, ${m.cols}]`);
    flat = m.data;
  }
  if (flat.length !== units) throw new ShapeError(`${name} expects shape [${units}], got ${flat.length} values`);
  return Matrix.column(flat).assertFinite(name).data;
}
