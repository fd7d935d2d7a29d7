// The register-blocked inner kernel of the GEMM, in the style of the BLIS micro-kernel
// (Van Zee & van de Geijn, "BLIS: A Framework for Rapidly Instantiating BLAS Functionality", 2015)
// and of XNNPACK's f32-gemm "wasmsimd-splat" kernels: for every step p of the shared dimension,
// one row value of A is broadcast (v128.load32_splat) and multiplied into a row of NR = 8 values of B.
//
// Why MR×NR = 4×8: V8 compiles wasm SIMD to the 16 xmm registers of x64 and keeps one (xmm15) as
// scratch. 4×8 needs 8 accumulators + 2 B vectors + 1 broadcast = 11 registers, so nothing spills;
// it also divides the batch of 128 and 784 = 4·196 exactly, so the MNIST shapes waste no lanes.

import { madd } from './simd-madd';

export const MR: i32 = 4;
export const NR: i32 = 8;
/**
 * Floats per step of the packed B block: four NR panels are interleaved step by step, so the row kernel
 * (gemm-row-kernel.ts) finds the 32 columns of a step in two cache lines. A 4×8 tile reads its panel's
 * 8 values of each step at this stride.
 */
export const B_STEP: i32 = 4 * NR;

/** Write (or with `beta` add) the eight accumulators of a 4×8 tile to C. */
// @ts-ignore: decorator
@inline function storeTile(c: usize, ldc: usize, beta: bool, c00: v128, c01: v128, c10: v128, c11: v128, c20: v128, c21: v128, c30: v128, c31: v128): void {
  const c1 = c + ldc;
  const c2 = c1 + ldc;
  const c3 = c2 + ldc;
  if (beta) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c1));
    c11 = f32x4.add(c11, v128.load(c1, 16));
    c20 = f32x4.add(c20, v128.load(c2));
    c21 = f32x4.add(c21, v128.load(c2, 16));
    c30 = f32x4.add(c30, v128.load(c3));
    c31 = f32x4.add(c31, v128.load(c3, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c1, c10);
  v128.store(c1, c11, 16);
  v128.store(c2, c20);
  v128.store(c2, c21, 16);
  v128.store(c3, c30);
  v128.store(c3, c31, 16);
}

/**
 * C[4×8] (+)= Ã[kc×4]ᵀ · B̃[kc×8] on packed panels.
 * `a` holds MR values per step p, `b` holds NR values per step p, B_STEP floats apart; `ldc` is C's row stride in bytes.
 * With `beta` the tile is added into C, otherwise C is overwritten.
 */
export function microKernel4x8(kc: i32, a: usize, b: usize, c: usize, ldc: usize, beta: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  // One step of p per iteration: unrolling by two made TurboFan hoist all loads of both steps and
  // spill accumulators to the stack (seen with node --print-wasm-code).
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let av = v128.load32_splat(a);
    c00 = madd(av, b0, c00);
    c01 = madd(av, b1, c01);
    av = v128.load32_splat(a, 4);
    c10 = madd(av, b0, c10);
    c11 = madd(av, b1, c11);
    av = v128.load32_splat(a, 8);
    c20 = madd(av, b0, c20);
    c21 = madd(av, b1, c21);
    av = v128.load32_splat(a, 12);
    c30 = madd(av, b0, c30);
    c31 = madd(av, b1, c31);
    a += 16;
    b += B_STEP * 4;
  }
  storeTile(c, ldc, beta, c00, c01, c10, c11, c20, c21, c30, c31);
}

/**
 * The same tile when the packed A panel skips steps: `count` steps of A (MR values each) are packed
 * densely, and `steps` lists for each the byte offset of its row in the packed B panel. Steps where
 * all MR values of A are zero were dropped by the packing — MNIST pixels are mostly zero, so the
 * first layer's X·W and Xᵀ·dZ do far fewer multiply-adds. The sum is unchanged, as in the js kernels,
 * which skip zero values of A too.
 */
export function microKernel4x8Sparse(count: i32, a: usize, steps: usize, b: usize, c: usize, ldc: usize, beta: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0);
  let c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0);
  let c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0);
  let c31 = f32x4.splat(0);
  for (let q = 0; q < count; q++) {
    const row = b + <usize>load<u32>(steps);
    const b0 = v128.load(row);
    const b1 = v128.load(row, 16);
    let av = v128.load32_splat(a);
    c00 = madd(av, b0, c00);
    c01 = madd(av, b1, c01);
    av = v128.load32_splat(a, 4);
    c10 = madd(av, b0, c10);
    c11 = madd(av, b1, c11);
    av = v128.load32_splat(a, 8);
    c20 = madd(av, b0, c20);
    c21 = madd(av, b1, c21);
    av = v128.load32_splat(a, 12);
    c30 = madd(av, b0, c30);
    c31 = madd(av, b1, c31);
    a += 16;
    steps += 4;
  }
  storeTile(c, ldc, beta, c00, c01, c10, c11, c20, c21, c30, c31);
}
