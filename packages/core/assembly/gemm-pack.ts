// Packing for the GEMM (Goto & van de Geijn, "Anatomy of High-Performance Matrix Multiplication",
// 2008): copy a block of A into row panels of MR and a block of B into column panels of NR, laid out
// in the order the micro-kernel reads them, so its loads are contiguous whatever the transposition
// of the operands. Panels that run past the edge of the matrix are padded with zeros, which lets the
// micro-kernel always compute a full MR×NR tile. Steps where a whole panel of A is zero are dropped.

import { B_STEP, MR, NR } from './gemm-micro-kernel';

/** Transpose four rows of four floats (one v128 each) and store them as four columns at dst, dst+stride, … */
// @ts-ignore: decorator
@inline function storeTransposed4x4(r0: v128, r1: v128, r2: v128, r3: v128, dst: usize, stride: usize): void {
  const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
  const t2 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
  const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
  v128.store(dst, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
  v128.store(dst + stride, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7));
  v128.store(dst + 2 * stride, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * stride, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7));
}

/**
 * Append one step of a panel of A unless all its MR values are +0 (v128.any_true tests every bit, so
 * −0 and NaN are kept): the vector goes to the next free slot of the panel and the byte offset of step
 * p's row in a packed B panel to `steps`. Written unconditionally, counted only when kept — no branch.
 */
// @ts-ignore: decorator
@inline function keepStep(panel: usize, steps: usize, count: i32, v: v128, p: i32): i32 {
  v128.store(panel + <usize>count * 16, v);
  store<u32>(steps + <usize>count * 4, <u32>(p * B_STEP * 4));
  return count + <i32>v128.any_true(v);
}

/**
 * Pack rows [i0, i0+mc) × steps [p0, p0+kc) of the logical A[m×k] into MR-row panels at dst:
 * panel q holds, for each kept step p, the MR values A[i0+q·MR+r, p0+p]. Steps where all MR values are
 * zero are dropped (see microKernel4x8Sparse): panel q keeps counts[q] steps, listed in
 * steps[q·kc …]. Edge panels (fewer than MR rows, zero-padded) keep every step.
 * A is stored row-major as m×k, or as k×m when `transA` (then a row of storage is a column of A).
 */
export function packA(a: usize, transA: bool, m: i32, k: i32, i0: i32, mc: i32, p0: i32, kc: i32, dst: usize, counts: usize, steps: usize): void {
  for (let ir = 0; ir < mc; ir += MR) {
    const i = i0 + ir;
    const rows = min(MR, m - i);
    const panel = dst + <usize>(ir * kc) * 4;
    const panelSteps = steps + <usize>(ir / MR * kc) * 4;
    let count = 0;
    if (rows < MR) {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < MR; r++) {
          let value: f32 = 0;
          if (r < rows) value = transA ? load<f32>(a + (<usize>(p0 + p) * m + i + r) * 4) : load<f32>(a + (<usize>(i + r) * k + p0 + p) * 4);
          store<f32>(panel + <usize>(p * MR + r) * 4, value);
        }
      }
      count = kc;
    } else if (transA) {
      // The MR values of one step are adjacent in storage: one vector per step.
      let src = a + (<usize>p0 * m + i) * 4;
      const stride = <usize>m * 4;
      for (let p = 0; p < kc; p++) {
        count = keepStep(panel, panelSteps, count, v128.load(src), p);
        src += stride;
      }
    } else {
      // Four rows are read side by side and transposed four steps at a time.
      const stride = <usize>k * 4;
      const s0 = a + (<usize>i * k + p0) * 4;
      const s1 = s0 + stride;
      const s2 = s1 + stride;
      const s3 = s2 + stride;
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const o = <usize>p * 4;
        const r0 = v128.load(s0 + o);
        const r1 = v128.load(s1 + o);
        const r2 = v128.load(s2 + o);
        const r3 = v128.load(s3 + o);
        const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
        const t1 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
        const t2 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
        const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
        count = keepStep(panel, panelSteps, count, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5), p);
        count = keepStep(panel, panelSteps, count, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7), p + 1);
        count = keepStep(panel, panelSteps, count, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5), p + 2);
        count = keepStep(panel, panelSteps, count, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7), p + 3);
      }
      for (; p < kc; p++) {
        const o = <usize>p * 4;
        let v = f32x4.splat(0);
        v = f32x4.replace_lane(v, 0, load<f32>(s0 + o));
        v = f32x4.replace_lane(v, 1, load<f32>(s1 + o));
        v = f32x4.replace_lane(v, 2, load<f32>(s2 + o));
        v = f32x4.replace_lane(v, 3, load<f32>(s3 + o));
        count = keepStep(panel, panelSteps, count, v, p);
      }
    }
    store<i32>(counts + <usize>(ir / MR) * 4, count);
  }
}

/** Byte offset of the NR-column panel starting at column jr of a packed B block of kc steps. */
// @ts-ignore: decorator
@inline export function panelOffsetB(jr: i32, kc: i32): usize {
  return <usize>((jr / B_STEP) * kc * B_STEP + jr % B_STEP) * 4;
}

/**
 * Pack steps [p0, p0+kc) × columns [j0, j0+nc) of the logical B[k×n] into NR-column panels at dst:
 * panel q holds, for each step p, the NR values B[p0+p, j0+q·NR+c], and groups of four panels are
 * interleaved step by step (B_STEP floats per step, see panelOffsetB). A last group of fewer than four
 * panels keeps the same stride, its missing panels unwritten and never read.
 * B is stored row-major as k×n, or as n×k when `transB`.
 */
export function packB(b: usize, transB: bool, n: i32, k: i32, j0: i32, nc: i32, p0: i32, kc: i32, dst: usize): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const j = j0 + jr;
    const cols = min(NR, n - j);
    const panel = dst + panelOffsetB(jr, kc);
    if (!transB) {
      let src = b + (<usize>p0 * n + j) * 4;
      const stride = <usize>n * 4;
      if (cols == NR) {
        for (let p = 0; p < kc; p++) {
          const d = panel + <usize>p * B_STEP * 4;
          v128.store(d, v128.load(src));
          v128.store(d, v128.load(src, 16), 16);
          src += stride;
        }
      } else {
        for (let p = 0; p < kc; p++) {
          for (let c = 0; c < NR; c++) store<f32>(panel + <usize>(p * B_STEP + c) * 4, c < cols ? load<f32>(src + <usize>c * 4) : 0);
          src += stride;
        }
      }
    } else if (cols == NR) {
      // Eight rows of the stored n×k matrix become the eight columns of the panel: two 4×4 transposes per four steps.
      const stride = <usize>k * 4;
      const s0 = b + (<usize>j * k + p0) * 4;
      const s4 = s0 + 4 * stride;
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const o = <usize>p * 4;
        const d = panel + o * B_STEP;
        const step = <usize>B_STEP * 4;
        storeTransposed4x4(v128.load(s0 + o), v128.load(s0 + stride + o), v128.load(s0 + 2 * stride + o), v128.load(s0 + 3 * stride + o), d, step);
        storeTransposed4x4(v128.load(s4 + o), v128.load(s4 + stride + o), v128.load(s4 + 2 * stride + o), v128.load(s4 + 3 * stride + o), d + 16, step);
      }
      for (; p < kc; p++) {
        for (let c = 0; c < NR; c++) store<f32>(panel + <usize>(p * B_STEP + c) * 4, load<f32>(s0 + <usize>c * stride + <usize>p * 4));
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let c = 0; c < NR; c++) {
          const value: f32 = c < cols ? load<f32>(b + (<usize>(j + c) * k + p0 + p) * 4) : 0;
          store<f32>(panel + <usize>(p * B_STEP + c) * 4, value);
        }
      }
    }
  }
}
