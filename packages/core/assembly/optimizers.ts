// The optimizer updates of the js kernels, four parameters at a time. Scalar hyper-parameters that
// depend only on the step (Adam's bias corrections, 1 − β) are computed by the caller in float64.
//
// Each rule is an @inline step over `count` lanes at byte offset o of every buffer, called twice by its
// export: with a literal 4 across the whole quads (loadLanes/storeLanes fold to plain v128 loads and
// stores there) and once with the 1–3 leftover lanes, so the formula is written once. The loop stays in
// each export because AssemblyScript cannot pass a step to a shared loop and still inline it: a function
// argument compiles to call_indirect, and a type parameter's static members cannot be called.

import { loadLanes, storeLanes } from './vector-tail';

// @ts-ignore: decorator
@inline function sgdStep(w: usize, g: usize, o: usize, count: i32, lr: v128): void {
  storeLanes(w + o, f32x4.sub(loadLanes(w + o, count), f32x4.mul(lr, loadLanes(g + o, count))), count);
}

/** w −= lr · g */
export function sgdUpdate(w: usize, g: usize, n: i32, lr: f32): void {
  const rate = f32x4.splat(lr);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) sgdStep(w, g, <usize>i * 4, 4, rate);
  if (n > full) sgdStep(w, g, <usize>full * 4, n - full, rate);
}

// @ts-ignore: decorator
@inline function momentumStep(w: usize, g: usize, v: usize, o: usize, count: i32, lr: v128, mu: v128, nesterov: bool): void {
  const gi = loadLanes(g + o, count);
  const vi = f32x4.add(f32x4.mul(mu, loadLanes(v + o, count)), gi);
  const step = nesterov ? f32x4.mul(lr, f32x4.add(gi, f32x4.mul(mu, vi))) : f32x4.mul(lr, vi);
  storeLanes(v + o, vi, count);
  storeLanes(w + o, f32x4.sub(loadLanes(w + o, count), step), count);
}

/** v = μ·v + g; w −= lr·v, or with Nesterov w −= lr·(g + μ·v). */
export function momentumUpdate(w: usize, g: usize, v: usize, n: i32, lr: f32, momentum: f32, nesterov: bool): void {
  const rate = f32x4.splat(lr);
  const mu = f32x4.splat(momentum);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) momentumStep(w, g, v, <usize>i * 4, 4, rate, mu, nesterov);
  if (n > full) momentumStep(w, g, v, <usize>full * 4, n - full, rate, mu, nesterov);
}

// @ts-ignore: decorator
@inline function adamStep(w: usize, g: usize, m: usize, v: usize, o: usize, count: i32, lr: v128, b1: v128, c1m: v128, b2: v128, c2m: v128, c1: v128, c2: v128, eps: v128): void {
  const gi = loadLanes(g + o, count);
  const mi = f32x4.add(f32x4.mul(b1, loadLanes(m + o, count)), f32x4.mul(c1m, gi));
  const vi = f32x4.add(f32x4.mul(b2, loadLanes(v + o, count)), f32x4.mul(f32x4.mul(c2m, gi), gi));
  const denominator = f32x4.add(f32x4.sqrt(f32x4.div(vi, c2)), eps);
  storeLanes(m + o, mi, count);
  storeLanes(v + o, vi, count);
  storeLanes(w + o, f32x4.sub(loadLanes(w + o, count), f32x4.div(f32x4.mul(lr, f32x4.div(mi, c1)), denominator)), count);
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
  for (let i = 0; i < full; i += 4) adamStep(w, g, m, v, <usize>i * 4, 4, lrV, b1, c1m, b2, c2m, c1V, c2V, eps);
  if (n > full) adamStep(w, g, m, v, <usize>full * 4, n - full, lrV, b1, c1m, b2, c2m, c1V, c2V, eps);
}

// @ts-ignore: decorator
@inline function rmspropStep(w: usize, g: usize, s: usize, mom: usize, o: usize, count: i32, lr: v128, rho: v128, oneMinusRho: v128, mu: v128, eps: v128): void {
  const gi = loadLanes(g + o, count);
  const si = f32x4.add(f32x4.mul(rho, loadLanes(s + o, count)), f32x4.mul(f32x4.mul(oneMinusRho, gi), gi));
  const step = f32x4.add(f32x4.mul(mu, loadLanes(mom + o, count)), f32x4.div(f32x4.mul(lr, gi), f32x4.sqrt(f32x4.add(si, eps))));
  storeLanes(s + o, si, count);
  storeLanes(mom + o, step, count);
  storeLanes(w + o, f32x4.sub(loadLanes(w + o, count), step), count);
}

/** s = ρs + (1−ρ)g²; mom = μ·mom + lr·g/√(s + ε); w −= mom. */
export function rmspropUpdate(w: usize, g: usize, s: usize, mom: usize, n: i32, lr: f32, rho: f32, oneMinusRho: f32, momentum: f32, epsilon: f32): void {
  const lrV = f32x4.splat(lr);
  const rhoV = f32x4.splat(rho);
  const oneMinusRhoV = f32x4.splat(oneMinusRho);
  const mu = f32x4.splat(momentum);
  const eps = f32x4.splat(epsilon);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) rmspropStep(w, g, s, mom, <usize>i * 4, 4, lrV, rhoV, oneMinusRhoV, mu, eps);
  if (n > full) rmspropStep(w, g, s, mom, <usize>full * 4, n - full, lrV, rhoV, oneMinusRhoV, mu, eps);
}
