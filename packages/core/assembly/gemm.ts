// C[m×n] (+)= op(A)·op(B) for the three shapes of backpropagation, with the loop nest of BLIS
// (Van Zee & van de Geijn, 2015): the shared dimension is cut into KC-deep slices so a packed B
// micro-panel (KC×NR floats, 8 KiB) stays in L1 while the micro-kernel sweeps the packed A block
// (MC×KC floats, 128 KiB) out of L2. The MNIST layer shapes (k ≤ 784, n ≤ 256) need few blocks.

import { MR, NR, microKernel4x8, microKernel4x8Sparse } from './gemm-micro-kernel';
import { packA, packB } from './gemm-pack';

const KC: i32 = 256;
const MC: i32 = 128;
const NC: i32 = 1024;

const PACK_A_BYTES: usize = <usize>(MC * KC) * 4;
const PACK_B_BYTES: usize = <usize>(KC * NC) * 4;
const TILE_BYTES: usize = <usize>(MR * NR) * 4;
const COUNTS_BYTES: usize = <usize>(MC / MR) * 4;
const STEPS_BYTES: usize = <usize>(MC / MR * KC) * 4;

/** Bytes of scratch the caller must hand to `gemm`: packed A and B blocks, one edge tile, A's kept steps. */
export function gemmWorkspaceBytes(): usize {
  return PACK_A_BYTES + PACK_B_BYTES + TILE_BYTES + COUNTS_BYTES + STEPS_BYTES;
}

/** One MR×NR tile from a packed A panel that keeps `count` of its `kc` steps. */
// @ts-ignore: decorator
@inline function tile(kc: i32, count: i32, panelA: usize, steps: usize, panelB: usize, c: usize, ldc: usize, beta: bool): void {
  if (count == kc) microKernel4x8(kc, panelA, panelB, c, ldc, beta);
  else microKernel4x8Sparse(count, panelA, steps, panelB, c, ldc, beta);
}

/** Add (or with !beta copy) the top-left rows×cols of an edge tile into C. */
function storeEdgeTile(tile: usize, c: usize, ldc: usize, rows: i32, cols: i32, beta: bool): void {
  for (let r = 0; r < rows; r++) {
    const src = tile + <usize>(r * NR) * 4;
    const dst = c + <usize>r * ldc;
    for (let j = 0; j < cols; j++) {
      const o = <usize>j * 4;
      const value = load<f32>(src + o);
      store<f32>(dst + o, beta ? load<f32>(dst + o) + value : value);
    }
  }
}

/**
 * C[m×n] (+)= op(A)[m×k] · op(B)[k×n], all row-major, pointers in bytes.
 * op(A) = A stored m×k, or Aᵀ of A stored k×m when `transA`; op(B) = B stored k×n, or Bᵀ of B stored n×k when `transB`.
 * `workspace` must point at `gemmWorkspaceBytes()` free bytes, 16-byte aligned.
 */
export function gemm(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  k: i32,
  n: i32,
  transA: bool,
  transB: bool,
  accumulate: bool,
  workspace: usize,
): void {
  gemmBlock(a, b, c, m, k, n, transA, transB, accumulate, workspace, 0, m, 0, n);
}

/**
 * The same product restricted to the block rows [i0, i1) × columns [j0, j1) of C — what one thread of
 * the worker pool computes. Every element of C is summed over the shared dimension in the same order
 * whatever the block, so splitting C among threads gives bit-identical results.
 */
export function gemmBlock(
  a: usize,
  b: usize,
  c: usize,
  m: i32,
  k: i32,
  n: i32,
  transA: bool,
  transB: bool,
  accumulate: bool,
  workspace: usize,
  i0: i32,
  i1: i32,
  j0: i32,
  j1: i32,
): void {
  if (i1 <= i0 || j1 <= j0) return;
  const ldc = <usize>n * 4;
  if (k <= 0) {
    if (!accumulate) {
      for (let i = i0; i < i1; i++) memory.fill(c + <usize>i * ldc + <usize>j0 * 4, 0, <usize>(j1 - j0) * 4);
    }
    return;
  }
  const packedA = workspace;
  const packedB = workspace + PACK_A_BYTES;
  const edgeTile = packedB + PACK_B_BYTES;
  const counts = edgeTile + TILE_BYTES;
  const steps = counts + COUNTS_BYTES;
  for (let jc = j0; jc < j1; jc += NC) {
    const nc = min(NC, j1 - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      // Later slices of the shared dimension add onto what the first one wrote.
      const beta = accumulate || pc > 0;
      packB(b, transB, n, k, jc, nc, pc, kc, packedB);
      for (let ic = i0; ic < i1; ic += MC) {
        const mc = min(MC, i1 - ic);
        packA(a, transA, m, k, ic, mc, pc, kc, packedA, counts, steps);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = min(NR, nc - jr);
          const panelB = packedB + <usize>(jr * kc) * 4;
          for (let ir = 0; ir < mc; ir += MR) {
            const rows = min(MR, mc - ir);
            const panelA = packedA + <usize>(ir * kc) * 4;
            const count = load<i32>(counts + <usize>(ir / MR) * 4);
            const panelSteps = steps + <usize>(ir / MR * kc) * 4;
            const cTile = c + <usize>(ic + ir) * ldc + <usize>(jc + jr) * 4;
            if (rows == MR && cols == NR) {
              tile(kc, count, panelA, panelSteps, panelB, cTile, ldc, beta);
            } else {
              tile(kc, count, panelA, panelSteps, panelB, edgeTile, <usize>NR * 4, false);
              storeEdgeTile(edgeTile, cTile, ldc, rows, cols, beta);
            }
          }
        }
      }
    }
  }
}
