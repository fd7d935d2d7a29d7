// C[m×n] (+)= op(A)·op(B) for the three shapes of backpropagation, with the loop nest of BLIS
// (Van Zee & van de Geijn, 2015): the shared dimension is cut into KC-deep slices so a packed B
// micro-panel (KC×NR floats, 8 KiB) stays in L1 while the micro-kernel sweeps the packed A block
// (MC×KC floats, 128 KiB) out of L2. The MNIST layer shapes (k ≤ 784, n ≤ 256) need few blocks.
// Panels of A with many zeros inside their kept steps (MNIST pixels) go through the row kernel instead
// (gemm-row-kernel.ts), 32 columns at a time.

import { B_STEP, MR, NR, microKernel4x8, microKernel4x8Sparse } from './gemm-micro-kernel';
import { packA, packB, panelOffsetB } from './gemm-pack';
import { rowKernel1x32 } from './gemm-row-kernel';
import { buildRowLists, countPanelNonzeros, ENTRY_BYTES, rowListsPay } from './gemm-row-lists';

const KC: i32 = 256;
const MC: i32 = 128;
const NC: i32 = 1024;

const PACK_A_BYTES: usize = <usize>(MC * KC) * 4;
const PACK_B_BYTES: usize = <usize>(KC * NC) * 4;
const TILE_BYTES: usize = <usize>(MR * NR) * 4;
const COUNTS_BYTES: usize = <usize>(MC / MR) * 4;
const STEPS_BYTES: usize = <usize>(MC / MR * KC) * 4;
const LISTS_BYTES: usize = <usize>(MC * KC * ENTRY_BYTES);
const ROW_COUNTS_BYTES: usize = <usize>MC * 4;
const ROW_PANELS_BYTES: usize = <usize>(MC / MR) * 4;
/** Columns of C per row-kernel call: a group of four interleaved B panels. */
const ROW_COLUMNS: i32 = B_STEP;

/** Bytes of scratch the caller must hand to `gemm`: packed A and B blocks, one edge tile, A's kept steps and row lists. */
export function gemmWorkspaceBytes(): usize {
  return PACK_A_BYTES + PACK_B_BYTES + TILE_BYTES + COUNTS_BYTES + STEPS_BYTES + LISTS_BYTES + ROW_COUNTS_BYTES + ROW_PANELS_BYTES;
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
  const lists = steps + STEPS_BYTES;
  const rowCounts = lists + LISTS_BYTES;
  const rowPanels = rowCounts + ROW_COUNTS_BYTES;
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
        const rowBytes = <usize>kc * ENTRY_BYTES;
        // Row lists only pay where C has whole groups of ROW_COLUMNS columns to reuse them.
        const rowPath = nc >= ROW_COLUMNS && markRowPanels(packedA, counts, steps, mc, kc, lists, rowCounts, rowPanels);
        let jr = 0;
        if (rowPath) {
          for (; jr + ROW_COLUMNS <= nc; jr += ROW_COLUMNS) {
            const groupB = packedB + panelOffsetB(jr, kc);
            for (let ir = 0; ir < mc; ir += MR) {
              if (load<i32>(rowPanels + <usize>(ir / MR) * 4)) {
                for (let r = 0; r < MR; r++) {
                  const i = ir + r;
                  const cRow = c + <usize>(ic + i) * ldc + <usize>(jc + jr) * 4;
                  rowKernel1x32(load<i32>(rowCounts + <usize>i * 4), lists + <usize>i * rowBytes, groupB, cRow, beta);
                }
              } else {
                for (let g = 0; g < ROW_COLUMNS; g += NR) tileAt(packedA, packedB, counts, steps, edgeTile, c, ldc, ic, jc, mc, nc, kc, ir, jr + g, beta);
              }
            }
          }
        }
        for (; jr < nc; jr += NR) {
          for (let ir = 0; ir < mc; ir += MR) tileAt(packedA, packedB, counts, steps, edgeTile, c, ldc, ic, jc, mc, nc, kc, ir, jr, beta);
        }
      }
    }
  }
}

/**
 * Choose, for each full panel of the packed A block, between the 4×8 tile and the row kernel
 * (rowPanels[q] = 1), building the row lists of the panels that take the row kernel. Whether any does.
 */
function markRowPanels(packedA: usize, counts: usize, steps: usize, mc: i32, kc: i32, lists: usize, rowCounts: usize, rowPanels: usize): bool {
  let any = false;
  const rowBytes = <usize>kc * ENTRY_BYTES;
  for (let ir = 0; ir < mc; ir += MR) {
    const q = <usize>(ir / MR);
    const count = load<i32>(counts + q * 4);
    const panel = packedA + <usize>(ir * kc) * 4;
    // A panel that kept every step (dense activations) is not even counted: the count cost the dense
    // layer-2 GEMMs 2–3 %, and such a panel pays only with a quarter of zeros never four at one step.
    const rows = ir + MR <= mc && count < kc && rowListsPay(countPanelNonzeros(panel, count), count);
    if (rows) buildRowLists(panel, steps + q * <usize>kc * 4, count, lists + <usize>ir * rowBytes, rowBytes, rowCounts + <usize>ir * 4);
    store<i32>(rowPanels + q * 4, <i32>rows);
    any = any || rows;
  }
  return any;
}

/** The MR×NR tile of C at panel rows ir and panel columns jr of the current block, through the edge tile at the edges. */
// @ts-ignore: decorator
@inline function tileAt(
  packedA: usize,
  packedB: usize,
  counts: usize,
  steps: usize,
  edgeTile: usize,
  c: usize,
  ldc: usize,
  ic: i32,
  jc: i32,
  mc: i32,
  nc: i32,
  kc: i32,
  ir: i32,
  jr: i32,
  beta: bool,
): void {
  const cols = min(NR, nc - jr);
  const rows = min(MR, mc - ir);
  const panelB = packedB + panelOffsetB(jr, kc);
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
