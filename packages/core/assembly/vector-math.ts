// Four-lane transcendental functions for the activations, written for the arguments the kernels
// actually pass: every exponential in the engine is taken of a non-positive number (the stable forms
// of sigmoid, tanh and softmax, and ELU's negative side), so overflow never has to be handled.
//
// The polynomials are those of Cephes (Stephen L. Moshier, expf.c and tanhf.c), also used by the SSE
// code of Julien Pommier's sse_mathfun.h; accurate to about 2 ulp in float32.

// ln 2 split in two so that n·ln 2 is subtracted exactly (Cody & Waite range reduction).
const LN2_HIGH: f32 = 0.693359375;
const LN2_LOW: f32 = -2.12194440e-4;
const LOG2_E: f32 = 1.44269504088896341;
/** Below this, eˣ is under the smallest normal float and is returned as 0. */
const EXP_UNDERFLOW: f32 = -87.3365447505531;

/** eˣ for x ≤ 0 (and −∞ → 0). */
// @ts-ignore: decorator
@inline export function expNonPositive(x: v128): v128 {
  const underflow = f32x4.lt(x, f32x4.splat(EXP_UNDERFLOW));
  const safe = f32x4.max(x, f32x4.splat(EXP_UNDERFLOW));
  const n = f32x4.nearest(f32x4.mul(safe, f32x4.splat(LOG2_E)));
  let r = f32x4.sub(safe, f32x4.mul(n, f32x4.splat(LN2_HIGH)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LOW)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), f32x4.splat(1));
  // 2ⁿ built from its exponent bits; n ≥ −126 after the clamp, so the result is a normal float.
  const pow2 = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return v128.andnot(f32x4.mul(p, pow2), underflow);
}

/**
 * eˣ − 1 for x ≤ 0. Near 0 the subtraction would cancel, so there a Taylor series is used instead
 * (its first omitted term, x⁹/9!, is below 6e-9 for |x| < 0.5).
 */
// @ts-ignore: decorator
@inline export function expm1NonPositive(x: v128): v128 {
  let t = f32x4.splat(1.0 / 40320.0);
  t = f32x4.add(f32x4.mul(t, x), f32x4.splat(1.0 / 5040.0));
  t = f32x4.add(f32x4.mul(t, x), f32x4.splat(1.0 / 720.0));
  t = f32x4.add(f32x4.mul(t, x), f32x4.splat(1.0 / 120.0));
  t = f32x4.add(f32x4.mul(t, x), f32x4.splat(1.0 / 24.0));
  t = f32x4.add(f32x4.mul(t, x), f32x4.splat(1.0 / 6.0));
  t = f32x4.add(f32x4.mul(t, x), f32x4.splat(0.5));
  t = f32x4.add(f32x4.mul(f32x4.mul(t, x), x), x);
  const viaExp = f32x4.sub(expNonPositive(x), f32x4.splat(1));
  return v128.bitselect(t, viaExp, f32x4.gt(x, f32x4.splat(-0.5)));
}

/** The logistic function 1/(1+e⁻ᶻ), from e^(−|z|) so the exponential never overflows. */
// @ts-ignore: decorator
@inline export function sigmoid(z: v128): v128 {
  const e = expNonPositive(f32x4.neg(f32x4.abs(z)));
  const r = f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), e));
  return v128.bitselect(r, f32x4.mul(e, r), f32x4.ge(z, f32x4.splat(0)));
}

/** tanh z: an odd polynomial for |z| < 0.625 (Cephes tanhf), else (1 − e)/(1 + e) with e = e^(−2|z|). */
// @ts-ignore: decorator
@inline export function tanh(z: v128): v128 {
  const a = f32x4.abs(z);
  const z2 = f32x4.mul(z, z);
  let p = f32x4.splat(-5.70498872745e-3);
  p = f32x4.add(f32x4.mul(p, z2), f32x4.splat(2.06390887954e-2));
  p = f32x4.add(f32x4.mul(p, z2), f32x4.splat(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, z2), f32x4.splat(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, z2), f32x4.splat(-3.33332819422e-1));
  const small = f32x4.add(f32x4.mul(f32x4.mul(p, z2), z), z);
  const e = expNonPositive(f32x4.mul(a, f32x4.splat(-2)));
  const magnitude = f32x4.div(f32x4.sub(f32x4.splat(1), e), f32x4.add(f32x4.splat(1), e));
  // Copy the sign of z onto the magnitude.
  const signBit = v128.and(z, i32x4.splat(0x80000000));
  const large = v128.or(magnitude, signBit);
  return v128.bitselect(small, large, f32x4.lt(a, f32x4.splat(0.625)));
}
