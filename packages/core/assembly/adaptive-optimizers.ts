// Adagrad, Adadelta, Adamax and Nadam updates of the wasm kernels, four parameters at a time. The js
// kernels (src/kernels/js-kernels.ts) are the reference; step-dependent scalars (bias corrections,
// Nadam's momentum-schedule scales) are computed by the caller in float64. Each rule is an @inline step
// over `count` lanes at byte offset o, called with 4 across the whole quads and once for the 1–3
// leftover lanes (the pattern of optimizers.ts, which says why the loop stays in each export).

import { loadLanes, storeLanes } from './vector-tail';

// @ts-ignore: decorator
@inline function adagradStep(w: usize, g: usize, acc: usize, o: usize, count: i32, lr: v128, eps: v128): void {
  const gi = loadLanes(g + o, count);
  const a = f32x4.add(loadLanes(acc + o, count), f32x4.mul(gi, gi));
  storeLanes(acc + o, a, count);
  storeLanes(w + o, f32x4.sub(loadLanes(w + o, count), f32x4.div(f32x4.mul(lr, gi), f32x4.sqrt(f32x4.add(a, eps)))), count);
}

/** acc += g²; w −= lr·g / √(acc + ε) */
export function adagradUpdate(w: usize, g: usize, acc: usize, n: i32, lr: f32, epsilon: f32): void {
  const lrV = f32x4.splat(lr);
  const eps = f32x4.splat(epsilon);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) adagradStep(w, g, acc, <usize>i * 4, 4, lrV, eps);
  if (n > full) adagradStep(w, g, acc, <usize>full * 4, n - full, lrV, eps);
}

// @ts-ignore: decorator
@inline function adadeltaStep(w: usize, g: usize, accGrad: usize, accDelta: usize, o: usize, count: i32, lr: v128, rho: v128, c: v128, eps: v128): void {
  const gi = loadLanes(g + o, count);
  const a = f32x4.add(f32x4.mul(rho, loadLanes(accGrad + o, count)), f32x4.mul(f32x4.mul(c, gi), gi));
  storeLanes(accGrad + o, a, count);
  const d = loadLanes(accDelta + o, count);
  const delta = f32x4.neg(f32x4.div(f32x4.mul(f32x4.sqrt(f32x4.add(d, eps)), gi), f32x4.sqrt(f32x4.add(a, eps))));
  storeLanes(accDelta + o, f32x4.add(f32x4.mul(rho, d), f32x4.mul(f32x4.mul(c, delta), delta)), count);
  storeLanes(w + o, f32x4.add(loadLanes(w + o, count), f32x4.mul(lr, delta)), count);
}

/** a = ρa + (1−ρ)g²; Δ = −√(d + ε)·g / √(a + ε); d = ρd + (1−ρ)Δ²; w += lr·Δ */
export function adadeltaUpdate(w: usize, g: usize, accGrad: usize, accDelta: usize, n: i32, lr: f32, rho: f32, oneMinusRho: f32, epsilon: f32): void {
  const lrV = f32x4.splat(lr);
  const rhoV = f32x4.splat(rho);
  const cV = f32x4.splat(oneMinusRho);
  const eps = f32x4.splat(epsilon);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) adadeltaStep(w, g, accGrad, accDelta, <usize>i * 4, 4, lrV, rhoV, cV, eps);
  if (n > full) adadeltaStep(w, g, accGrad, accDelta, <usize>full * 4, n - full, lrV, rhoV, cV, eps);
}

// @ts-ignore: decorator
@inline function adamaxStep(w: usize, g: usize, m: usize, u: usize, o: usize, count: i32, lr: v128, cm: v128, b2: v128, eps: v128, c1: v128): void {
  const gi = loadLanes(g + o, count);
  const mOld = loadLanes(m + o, count);
  const mi = f32x4.add(mOld, f32x4.mul(f32x4.sub(gi, mOld), cm));
  const ui = f32x4.max(f32x4.mul(b2, loadLanes(u + o, count)), f32x4.abs(gi));
  storeLanes(m + o, mi, count);
  storeLanes(u + o, ui, count);
  storeLanes(w + o, f32x4.sub(loadLanes(w + o, count), f32x4.div(f32x4.mul(lr, mi), f32x4.mul(c1, f32x4.add(ui, eps)))), count);
}

/** m = m + (g − m)(1−β₁); u = max(β₂u, |g|); w −= lr·m / (c₁(u + ε)), c₁ = 1−β₁ᵗ from the caller */
export function adamaxUpdate(w: usize, g: usize, m: usize, u: usize, n: i32, lr: f32, oneMinusBeta1: f32, beta2: f32, epsilon: f32, c1: f32): void {
  const lrV = f32x4.splat(lr);
  const cm = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const eps = f32x4.splat(epsilon);
  const c1V = f32x4.splat(c1);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) adamaxStep(w, g, m, u, <usize>i * 4, 4, lrV, cm, b2, eps, c1V);
  if (n > full) adamaxStep(w, g, m, u, <usize>full * 4, n - full, lrV, cm, b2, eps, c1V);
}

// @ts-ignore: decorator
@inline function nadamStep(w: usize, g: usize, m: usize, v: usize, o: usize, count: i32, lr: v128, cm: v128, cv: v128, eps: v128, a: v128, b: v128, c2: v128): void {
  const gi = loadLanes(g + o, count);
  const mOld = loadLanes(m + o, count);
  const vOld = loadLanes(v + o, count);
  const mi = f32x4.add(mOld, f32x4.mul(f32x4.sub(gi, mOld), cm));
  const vi = f32x4.add(vOld, f32x4.mul(f32x4.sub(f32x4.mul(gi, gi), vOld), cv));
  storeLanes(m + o, mi, count);
  storeLanes(v + o, vi, count);
  const mHat = f32x4.add(f32x4.mul(a, mi), f32x4.mul(b, gi));
  const denominator = f32x4.add(f32x4.sqrt(f32x4.div(vi, c2)), eps);
  storeLanes(w + o, f32x4.sub(loadLanes(w + o, count), f32x4.div(f32x4.mul(mHat, lr), denominator)), count);
}

/**
 * m = m + (g − m)(1−β₁); v = v + (g² − v)(1−β₂); m̂ = a·m + b·g; w −= lr·m̂ / (√(v / c₂) + ε),
 * with a, b (the momentum-schedule scales) and c₂ = 1−β₂ᵗ from the caller.
 */
export function nadamUpdate(
  w: usize,
  g: usize,
  m: usize,
  v: usize,
  n: i32,
  lr: f32,
  oneMinusBeta1: f32,
  oneMinusBeta2: f32,
  epsilon: f32,
  momentumScale: f32,
  gradientScale: f32,
  c2: f32,
): void {
  const lrV = f32x4.splat(lr);
  const cm = f32x4.splat(oneMinusBeta1);
  const cv = f32x4.splat(oneMinusBeta2);
  const eps = f32x4.splat(epsilon);
  const a = f32x4.splat(momentumScale);
  const b = f32x4.splat(gradientScale);
  const c2V = f32x4.splat(c2);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) nadamStep(w, g, m, v, <usize>i * 4, 4, lrV, cm, cv, eps, a, b, c2V);
  if (n > full) nadamStep(w, g, m, v, <usize>full * 4, n - full, lrV, cm, cv, eps, a, b, c2V);
}
