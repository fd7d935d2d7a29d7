// One multiply-add, compiled two ways: with relaxed SIMD it is a single fused f32x4.relaxed_madd
// (vfmadd on x64 with FMA3), otherwise a separate multiply and add. `ASC_FEATURE_RELAXED_SIMD` is a
// compile-time constant of AssemblyScript, so each build of the module carries only one of the two.

/** a·b + c, four lanes at a time. */
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}
