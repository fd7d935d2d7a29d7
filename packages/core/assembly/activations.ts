// The activations of src/activations/activation-registry.ts, four lanes at a time. Each formula here
// mirrors the one of the same name there; the jest tests compare the two on random inputs.

import { horizontalMax, horizontalSum, loadTail, storeTail } from './vector-tail';
import { expm1NonPositive, expNonPositive, sigmoid, tanh } from './vector-math';

// Activation codes, in the order the TypeScript loader maps `ActivationName`s to them.
export const STEP = 0;
export const LINEAR = 1;
export const SIGMOID = 2;
export const TANH = 3;
export const RELU = 4;
export const LEAKY_RELU = 5;
export const ELU = 6;
export const SOFTMAX = 7;

/** f(z) for the elementwise activations. */
// @ts-ignore: decorator
@inline function forward(code: i32, z: v128, alpha: v128): v128 {
  const zero = f32x4.splat(0);
  switch (code) {
    case STEP:
      return v128.and(f32x4.gt(z, zero), f32x4.splat(1));
    case SIGMOID:
      return sigmoid(z);
    case TANH:
      return tanh(z);
    case RELU:
      return v128.and(z, f32x4.gt(z, zero));
    case LEAKY_RELU:
      return v128.bitselect(z, f32x4.mul(alpha, z), f32x4.gt(z, zero));
    case ELU:
      return v128.bitselect(z, f32x4.mul(alpha, expm1NonPositive(f32x4.min(z, zero))), f32x4.gt(z, zero));
    case LINEAR:
      return z;
    default:
      // An unknown code is a loader bug: trap (a RuntimeError in JS) rather than compute some other activation.
      unreachable();
      return z;
  }
}

/** f′ written in terms of z and y = f(z), as in the registry. */
// @ts-ignore: decorator
@inline function derivative(code: i32, z: v128, y: v128, alpha: v128): v128 {
  const one = f32x4.splat(1);
  const positive = f32x4.gt(z, f32x4.splat(0));
  switch (code) {
    case STEP:
      return f32x4.splat(0);
    case SIGMOID:
      return f32x4.mul(y, f32x4.sub(one, y));
    case TANH:
      return f32x4.sub(one, f32x4.mul(y, y));
    case RELU:
      return v128.and(one, positive);
    case LEAKY_RELU:
      return v128.bitselect(one, alpha, positive);
    case ELU:
      return v128.bitselect(one, f32x4.add(y, alpha), positive);
    case LINEAR:
      return one;
    default:
      // As in `forward`: trap on an unknown code instead of using linear's derivative.
      unreachable();
      return one;
  }
}

/** Row-wise softmax of one row of `cols` floats, max subtracted first. */
function softmaxRow(z: usize, out: usize, cols: i32): void {
  const full = cols & ~3;
  const tail = cols - full;
  let maxV = f32x4.splat(-Infinity);
  for (let j = 0; j < full; j += 4) maxV = f32x4.max(maxV, v128.load(z + <usize>j * 4));
  if (tail) maxV = f32x4.max(maxV, loadTail(z + <usize>full * 4, tail, -Infinity));
  const rowMax = f32x4.splat(horizontalMax(maxV));
  let sumV = f32x4.splat(0);
  for (let j = 0; j < full; j += 4) {
    const e = expNonPositive(f32x4.sub(v128.load(z + <usize>j * 4), rowMax));
    v128.store(out + <usize>j * 4, e);
    sumV = f32x4.add(sumV, e);
  }
  if (tail) {
    // Padding lanes hold −∞, whose exponential is 0, so they add nothing to the sum.
    const e = expNonPositive(f32x4.sub(loadTail(z + <usize>full * 4, tail, -Infinity), rowMax));
    storeTail(out + <usize>full * 4, e, tail);
    sumV = f32x4.add(sumV, e);
  }
  const inv = f32x4.splat(1 / horizontalSum(sumV));
  for (let j = 0; j < full; j += 4) v128.store(out + <usize>j * 4, f32x4.mul(v128.load(out + <usize>j * 4), inv));
  if (tail) storeTail(out + <usize>full * 4, f32x4.mul(loadTail(out + <usize>full * 4, tail, 0), inv), tail);
}

/** z[i,j] += bias[j] (bias = 0 means none), then out = f(z). */
export function biasActivation(z: usize, bias: usize, out: usize, rows: i32, cols: i32, code: i32, alpha: f32): void {
  const full = cols & ~3;
  const tail = cols - full;
  if (bias) {
    for (let r = 0; r < rows; r++) {
      const row = z + <usize>(r * cols) * 4;
      for (let j = 0; j < full; j += 4) {
        const o = <usize>j * 4;
        v128.store(row + o, f32x4.add(v128.load(row + o), v128.load(bias + o)));
      }
      if (tail) {
        const o = <usize>full * 4;
        storeTail(row + o, f32x4.add(loadTail(row + o, tail, 0), loadTail(bias + o, tail, 0)), tail);
      }
    }
  }
  if (code == SOFTMAX) {
    for (let r = 0; r < rows; r++) {
      const o = <usize>(r * cols) * 4;
      softmaxRow(z + o, out + o, cols);
    }
    return;
  }
  const n = rows * cols;
  const nFull = n & ~3;
  const alphaV = f32x4.splat(alpha);
  for (let i = 0; i < nFull; i += 4) {
    const o = <usize>i * 4;
    v128.store(out + o, forward(code, v128.load(z + o), alphaV));
  }
  if (n > nFull) {
    const o = <usize>nFull * 4;
    storeTail(out + o, forward(code, loadTail(z + o, n - nFull, 0), alphaV), n - nFull);
  }
}

/** dz = dy ⊙ f′(z); for softmax the row Jacobian–vector product dz = y ⊙ (dy − Σ dy·y). */
export function activationBackward(z: usize, y: usize, dy: usize, dz: usize, rows: i32, cols: i32, code: i32, alpha: f32): void {
  if (code == SOFTMAX) {
    const full = cols & ~3;
    const tail = cols - full;
    for (let r = 0; r < rows; r++) {
      const row = <usize>(r * cols) * 4;
      let dotV = f32x4.splat(0);
      for (let j = 0; j < full; j += 4) {
        const o = row + <usize>j * 4;
        dotV = f32x4.add(dotV, f32x4.mul(v128.load(dy + o), v128.load(y + o)));
      }
      if (tail) {
        const o = row + <usize>full * 4;
        dotV = f32x4.add(dotV, f32x4.mul(loadTail(dy + o, tail, 0), loadTail(y + o, tail, 0)));
      }
      const dot = f32x4.splat(horizontalSum(dotV));
      for (let j = 0; j < full; j += 4) {
        const o = row + <usize>j * 4;
        v128.store(dz + o, f32x4.mul(v128.load(y + o), f32x4.sub(v128.load(dy + o), dot)));
      }
      if (tail) {
        const o = row + <usize>full * 4;
        storeTail(dz + o, f32x4.mul(loadTail(y + o, tail, 0), f32x4.sub(loadTail(dy + o, tail, 0), dot)), tail);
      }
    }
    return;
  }
  const n = rows * cols;
  const nFull = n & ~3;
  const alphaV = f32x4.splat(alpha);
  for (let i = 0; i < nFull; i += 4) {
    const o = <usize>i * 4;
    v128.store(dz + o, f32x4.mul(v128.load(dy + o), derivative(code, v128.load(z + o), v128.load(y + o), alphaV)));
  }
  if (n > nFull) {
    const o = <usize>nFull * 4;
    const t = n - nFull;
    storeTail(dz + o, f32x4.mul(loadTail(dy + o, t, 0), derivative(code, loadTail(z + o, t, 0), loadTail(y + o, t, 0), alphaV)), t);
  }
}
