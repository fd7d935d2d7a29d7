// Adagrad, Adadelta, Adamax and Nadam updates of the wasm kernels: four parameters at a time, then a
// scalar tail. The js kernels (src/kernels/js-kernels.ts) are the reference; step-dependent scalars
// (bias corrections, Nadam's momentum-schedule scales) are computed by the caller in float64.

/** acc += g²; w −= lr·g / √(acc + ε) */
export function adagradUpdate(w: usize, g: usize, acc: usize, n: i32, lr: f32, epsilon: f32): void {
  const lrV = f32x4.splat(lr);
  const eps = f32x4.splat(epsilon);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) {
    const o = <usize>i * 4;
    const gi = v128.load(g + o);
    const a = f32x4.add(v128.load(acc + o), f32x4.mul(gi, gi));
    v128.store(acc + o, a);
    v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.div(f32x4.mul(lrV, gi), f32x4.sqrt(f32x4.add(a, eps)))));
  }
  for (let i = full; i < n; i++) {
    const o = <usize>i * 4;
    const gi = load<f32>(g + o);
    const a = load<f32>(acc + o) + gi * gi;
    store<f32>(acc + o, a);
    store<f32>(w + o, load<f32>(w + o) - (lr * gi) / Mathf.sqrt(a + epsilon));
  }
}

/** a = ρa + (1−ρ)g²; Δ = −√(d + ε)·g / √(a + ε); d = ρd + (1−ρ)Δ²; w += lr·Δ */
export function adadeltaUpdate(w: usize, g: usize, accGrad: usize, accDelta: usize, n: i32, lr: f32, rho: f32, oneMinusRho: f32, epsilon: f32): void {
  const lrV = f32x4.splat(lr);
  const rhoV = f32x4.splat(rho);
  const cV = f32x4.splat(oneMinusRho);
  const eps = f32x4.splat(epsilon);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) {
    const o = <usize>i * 4;
    const gi = v128.load(g + o);
    const a = f32x4.add(f32x4.mul(rhoV, v128.load(accGrad + o)), f32x4.mul(f32x4.mul(cV, gi), gi));
    v128.store(accGrad + o, a);
    const d = v128.load(accDelta + o);
    const delta = f32x4.neg(f32x4.div(f32x4.mul(f32x4.sqrt(f32x4.add(d, eps)), gi), f32x4.sqrt(f32x4.add(a, eps))));
    v128.store(accDelta + o, f32x4.add(f32x4.mul(rhoV, d), f32x4.mul(f32x4.mul(cV, delta), delta)));
    v128.store(w + o, f32x4.add(v128.load(w + o), f32x4.mul(lrV, delta)));
  }
  for (let i = full; i < n; i++) {
    const o = <usize>i * 4;
    const gi = load<f32>(g + o);
    const a = rho * load<f32>(accGrad + o) + oneMinusRho * gi * gi;
    store<f32>(accGrad + o, a);
    const d = load<f32>(accDelta + o);
    const delta = -((Mathf.sqrt(d + epsilon) * gi) / Mathf.sqrt(a + epsilon));
    store<f32>(accDelta + o, rho * d + oneMinusRho * delta * delta);
    store<f32>(w + o, load<f32>(w + o) + lr * delta);
  }
}

/** m = m + (g − m)(1−β₁); u = max(β₂u, |g|); w −= lr·m / (c₁(u + ε)), c₁ = 1−β₁ᵗ from the caller */
export function adamaxUpdate(w: usize, g: usize, m: usize, u: usize, n: i32, lr: f32, oneMinusBeta1: f32, beta2: f32, epsilon: f32, c1: f32): void {
  const lrV = f32x4.splat(lr);
  const cm = f32x4.splat(oneMinusBeta1);
  const b2 = f32x4.splat(beta2);
  const eps = f32x4.splat(epsilon);
  const c1V = f32x4.splat(c1);
  const full = n & ~3;
  for (let i = 0; i < full; i += 4) {
    const o = <usize>i * 4;
    const gi = v128.load(g + o);
    const mOld = v128.load(m + o);
    const mi = f32x4.add(mOld, f32x4.mul(f32x4.sub(gi, mOld), cm));
    const ui = f32x4.max(f32x4.mul(b2, v128.load(u + o)), f32x4.abs(gi));
    v128.store(m + o, mi);
    v128.store(u + o, ui);
    v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.div(f32x4.mul(lrV, mi), f32x4.mul(c1V, f32x4.add(ui, eps)))));
  }
  for (let i = full; i < n; i++) {
    const o = <usize>i * 4;
    const gi = load<f32>(g + o);
    const mOld = load<f32>(m + o);
    const mi = mOld + (gi - mOld) * oneMinusBeta1;
    const ui = Mathf.max(beta2 * load<f32>(u + o), Mathf.abs(gi));
    store<f32>(m + o, mi);
    store<f32>(u + o, ui);
    store<f32>(w + o, load<f32>(w + o) - (lr * mi) / (c1 * (ui + epsilon)));
  }
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
  for (let i = 0; i < full; i += 4) {
    const o = <usize>i * 4;
    const gi = v128.load(g + o);
    const mOld = v128.load(m + o);
    const vOld = v128.load(v + o);
    const mi = f32x4.add(mOld, f32x4.mul(f32x4.sub(gi, mOld), cm));
    const vi = f32x4.add(vOld, f32x4.mul(f32x4.sub(f32x4.mul(gi, gi), vOld), cv));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const mHat = f32x4.add(f32x4.mul(a, mi), f32x4.mul(b, gi));
    const denominator = f32x4.add(f32x4.sqrt(f32x4.div(vi, c2V)), eps);
    v128.store(w + o, f32x4.sub(v128.load(w + o), f32x4.div(f32x4.mul(mHat, lrV), denominator)));
  }
  for (let i = full; i < n; i++) {
    const o = <usize>i * 4;
    const gi = load<f32>(g + o);
    const mOld = load<f32>(m + o);
    const vOld = load<f32>(v + o);
    const mi = mOld + (gi - mOld) * oneMinusBeta1;
    const vi = vOld + (gi * gi - vOld) * oneMinusBeta2;
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    const mHat = momentumScale * mi + gradientScale * gi;
    store<f32>(w + o, load<f32>(w + o) - (mHat * lr) / (Mathf.sqrt(vi / c2) + epsilon));
  }
}
