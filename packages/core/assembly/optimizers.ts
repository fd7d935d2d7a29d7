// The optimizer updates of the js kernels, four parameters at a time. Scalar hyper-parameters that
// depend only on the step (Adam's bias corrections, 1 − β) are computed by the caller in float64.

import { loadTail, storeTail } from './vector-tail';

/** w −= lr · g */
export function sgdUpdate(w: usize, g: usize, n: i32, lr: f32): void {
  const rate = f32x4.splat(lr);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) {
    const o = <usize>i * 4;
    v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.mul(rate, v128.load(g + o))));
  }
  if (n > full) {
    const o = <usize>full * 4;
    const t = n - full;
    storeTail(w + o, f32x4.sub(loadTail(w + o, t, 0), f32x4.mul(rate, loadTail(g + o, t, 0))), t);
  }
}

// @ts-ignore: decorator
@inline function momentumStep(w: usize, g: usize, v: usize, count: i32, lr: v128, mu: v128, nesterov: bool): void {
  const gi = count == 4 ? v128.load(g) : loadTail(g, count, 0);
  const vOld = count == 4 ? v128.load(v) : loadTail(v, count, 0);
  const wOld = count == 4 ? v128.load(w) : loadTail(w, count, 0);
  const vi = f32x4.add(f32x4.mul(mu, vOld), gi);
  const step = nesterov ? f32x4.mul(lr, f32x4.add(gi, f32x4.mul(mu, vi))) : f32x4.mul(lr, vi);
  const wi = f32x4.sub(wOld, step);
  if (count == 4) {
    v128.store(v, vi);
    v128.store(w, wi);
  } else {
    storeTail(v, vi, count);
    storeTail(w, wi, count);
  }
}

/** v = μ·v + g; w −= lr·v, or with Nesterov w −= lr·(g + μ·v). */
export function momentumUpdate(w: usize, g: usize, v: usize, n: i32, lr: f32, momentum: f32, nesterov: bool): void {
  const rate = f32x4.splat(lr);
  const mu = f32x4.splat(momentum);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) {
    const o = <usize>i * 4;
    momentumStep(w + o, g + o, v + o, 4, rate, mu, nesterov);
  }
  if (n > full) {
    const o = <usize>full * 4;
    momentumStep(w + o, g + o, v + o, n - full, rate, mu, nesterov);
  }
}

// @ts-ignore: decorator
@inline function adamStep(w: usize, g: usize, m: usize, v: usize, count: i32, lr: v128, b1: v128, c1m: v128, b2: v128, c2m: v128, c1: v128, c2: v128, eps: v128): void {
  const gi = count == 4 ? v128.load(g) : loadTail(g, count, 0);
  const mOld = count == 4 ? v128.load(m) : loadTail(m, count, 0);
  const vOld = count == 4 ? v128.load(v) : loadTail(v, count, 0);
  const wOld = count == 4 ? v128.load(w) : loadTail(w, count, 0);
  const mi = f32x4.add(f32x4.mul(b1, mOld), f32x4.mul(c1m, gi));
  const vi = f32x4.add(f32x4.mul(b2, vOld), f32x4.mul(f32x4.mul(c2m, gi), gi));
  const denominator = f32x4.add(f32x4.sqrt(f32x4.div(vi, c2)), eps);
  const wi = f32x4.sub(wOld, f32x4.div(f32x4.mul(lr, f32x4.div(mi, c1)), denominator));
  if (count == 4) {
    v128.store(m, mi);
    v128.store(v, vi);
    v128.store(w, wi);
  } else {
    storeTail(m, mi, count);
    storeTail(v, vi, count);
    storeTail(w, wi, count);
  }
}

/**
 * m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; w −= lr·(m/c₁)/(√(v/c₂) + ε),
 * with c₁ = 1−β₁ᵗ and c₂ = 1−β₂ᵗ passed in by the caller.
 */
export function adamUpdate(
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  lr: f32,
  beta1: f32,
  oneMinusBeta1: f32,
  beta2: f32,
  oneMinusBeta2: f32,
  epsilon: f32,
  c1: f32,
  c2: f32,
): void {
  const lrV = f32x4.splat(lr);
  const b1 = f32x4.splat(beta1);
  const c1m = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const c2m = f32x4.splat(oneMinusBeta2);
  const c1V = f32x4.splat(c1);
  const c2V = f32x4.splat(c2);
  const eps = f32x4.splat(epsilon);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) {
    const o = <usize>i * 4;
    adamStep(w + o, g + o, m + o, v + o, 4, lrV, b1, c1m, b2, c2m, c1V, c2V, eps);
  }
  if (n > full) {
    const o = <usize>full * 4;
    adamStep(w + o, g + o, m + o, v + o, n - full, lrV, b1, c1m, b2, c2m, c1V, c2V, eps);
  }
}

// @ts-ignore: decorator
@inline function rmspropStep(w: usize, g: usize, s: usize, mom: usize, count: i32, lr: v128, rho: v128, oneMinusRho: v128, mu: v128, eps: v128): void {
  const gi = count == 4 ? v128.load(g) : loadTail(g, count, 0);
  const sOld = count == 4 ? v128.load(s) : loadTail(s, count, 0);
  const momOld = count == 4 ? v128.load(mom) : loadTail(mom, count, 0);
  const wOld = count == 4 ? v128.load(w) : loadTail(w, count, 0);
  const si = f32x4.add(f32x4.mul(rho, sOld), f32x4.mul(f32x4.mul(oneMinusRho, gi), gi));
  const step = f32x4.add(f32x4.mul(mu, momOld), f32x4.div(f32x4.mul(lr, gi), f32x4.sqrt(f32x4.add(si, eps))));
  const wi = f32x4.sub(wOld, step);
  if (count == 4) {
    v128.store(s, si);
    v128.store(mom, step);
    v128.store(w, wi);
  } else {
    storeTail(s, si, count);
    storeTail(mom, step, count);
    storeTail(w, wi, count);
  }
}

/** s = ρs + (1−ρ)g²; mom = μ·mom + lr·g/√(s + ε); w −= mom. */
export function rmspropUpdate(w: usize, g: usize, s: usize, mom: usize, n: i32, lr: f32, rho: f32, oneMinusRho: f32, momentum: f32, epsilon: f32): void {
  const lrV = f32x4.splat(lr);
  const rhoV = f32x4.splat(rho);
  const oneMinusRhoV = f32x4.splat(oneMinusRho);
  const mu = f32x4.splat(momentum);
  const eps = f32x4.splat(epsilon);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) {
    const o = <usize>i * 4;
    rmspropStep(w + o, g + o, s + o, mom + o, 4, lrV, rhoV, oneMinusRhoV, mu, eps);
  }
  if (n > full) {
    const o = <usize>full * 4;
    rmspropStep(w + o, g + o, s + o, mom + o, n - full, lrV, rhoV, oneMinusRhoV, mu, eps);
  }
}
