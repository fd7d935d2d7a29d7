// The row kernel of the GEMM: one row of C × 32 columns (a group of four packed B panels of NR = 8)
// from that row's nonzero list (gemm-row-lists.ts). For each nonzero a[p], in increasing p, a is
// broadcast and multiplied into B's row p of the four panels — 8 multiply-adds, 8 accumulators.
// Zero values of A are skipped one by one instead of four rows at a time (microKernel4x8Sparse).
//
// Each element of C gets the same nonzero terms in the same order as from the 4×8 tile, which also
// adds a·b for a = +0 in kept steps: adding ±0 leaves a sum unchanged (for finite B), except that it
// can turn a −0 sum into +0. A sum is −0 only when every product so far underflowed to −0, so results
// are bit-identical but for the sign of such zeros.
//
// Registers: 8 accumulators + 1 broadcast + 4 loaded B vectors, within the 15 xmm of V8 on x64.

import { madd } from './simd-madd';

/**
 * C[1×32] (+)= a · B̃ over the `nonzeros` entries at `list`; `b` is a group of four packed B panels,
 * interleaved (32 floats per step, see packB). With `beta` the row is added into C, otherwise C is overwritten.
 */
export function rowKernel1x32(nonzeros: i32, list: usize, b: usize, c: usize, beta: bool): void {
  let c0 = f32x4.splat(0);
  let c1 = f32x4.splat(0);
  let c2 = f32x4.splat(0);
  let c3 = f32x4.splat(0);
  let c4 = f32x4.splat(0);
  let c5 = f32x4.splat(0);
  let c6 = f32x4.splat(0);
  let c7 = f32x4.splat(0);
  const end = list + <usize>nonzeros * 8;
  while (list < end) {
    const av = v128.load32_splat(list);
    const row = b + <usize>load<u32>(list, 4);
    c0 = madd(av, v128.load(row), c0);
    c1 = madd(av, v128.load(row, 16), c1);
    c2 = madd(av, v128.load(row, 32), c2);
    c3 = madd(av, v128.load(row, 48), c3);
    // Never taken (entries are 8 bytes), but the branch splits the loop body: without it TurboFan
    // issues all eight B loads before the multiply-adds, needs 8 + 8 + 1 xmm registers of its 15 and
    // spills an accumulator every step (seen with node --print-wasm-code; 1.6× slower).
    if (list + 4 >= end) break;
    c4 = madd(av, v128.load(row, 64), c4);
    c5 = madd(av, v128.load(row, 80), c5);
    c6 = madd(av, v128.load(row, 96), c6);
    c7 = madd(av, v128.load(row, 112), c7);
    list += 8;
  }
  if (beta) {
    c0 = f32x4.add(c0, v128.load(c));
    c1 = f32x4.add(c1, v128.load(c, 16));
    c2 = f32x4.add(c2, v128.load(c, 32));
    c3 = f32x4.add(c3, v128.load(c, 48));
    c4 = f32x4.add(c4, v128.load(c, 64));
    c5 = f32x4.add(c5, v128.load(c, 80));
    c6 = f32x4.add(c6, v128.load(c, 96));
    c7 = f32x4.add(c7, v128.load(c, 112));
  }
  v128.store(c, c0);
  v128.store(c, c1, 16);
  v128.store(c, c2, 32);
  v128.store(c, c3, 48);
  v128.store(c, c4, 64);
  v128.store(c, c5, 80);
  v128.store(c, c6, 96);
  v128.store(c, c7, 112);
}
