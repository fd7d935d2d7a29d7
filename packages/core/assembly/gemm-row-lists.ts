// Per-row nonzero lists of a packed A panel, for the row kernel (gemm-row-kernel.ts). The packing
// (gemm-pack.ts) drops a step of a 4-row panel only when all four values are zero; on MNIST the four
// rows of a panel are rarely zero together (39 % of steps kept, 19 % of values nonzero), so about
// half of the multiply-adds of the 4×8 tile are still on zeros. Listing each row's nonzeros lets the
// row kernel skip those too.
//
// A list entry is 8 bytes: the value (f32) and the byte offset of its step in a packed B panel (u32),
// copied from the panel's step list, so the row kernel finds B's row without recomputing it.

import { MR } from './gemm-micro-kernel';

/** Bytes of one list entry: value and B offset. */
export const ENTRY_BYTES: i32 = 8;

/**
 * Whether the row lists pay for a panel keeping `count` steps with `nonzeros` values ≠ +0 in all:
 * the row kernel does one 8-wide multiply-add per nonzero where the tile does one per row and kept
 * step, but it loads B once per multiply-add instead of once per four, so it must save a real share.
 * Threshold 3/4, measured on MNIST's layer-1 GEMMs: 1/2 was slower, 0.65 to 0.85 all alike.
 */
// @ts-ignore: decorator
@inline export function rowListsPay(nonzeros: i32, count: i32): bool {
  return nonzeros * 4 < count * MR * 3;
}

/**
 * Count the values ≠ +0 of a packed panel (`count` steps of MR values): the bit test of v128.any_true
 * in the packing, lane by lane, so −0 and NaN count as nonzero and are kept by both paths.
 */
export function countPanelNonzeros(panel: usize, count: i32): i32 {
  const zero = i32x4.splat(0);
  let counts = i32x4.splat(0);
  for (let q = 0; q < count; q++) {
    // A lane of i32x4.ne is −1 where the bits differ from +0.
    counts = i32x4.sub(counts, i32x4.ne(v128.load(panel + <usize>q * 16), zero));
  }
  return i32x4.extract_lane(counts, 0) + i32x4.extract_lane(counts, 1) + i32x4.extract_lane(counts, 2) + i32x4.extract_lane(counts, 3);
}

/**
 * Write the MR row lists of a packed panel: row r's entries go to lists + r·rowBytes, in increasing
 * step order (the order of the panel), and its entry count to rowCounts[r]. Every entry is written
 * and the row's cursor advances only when the value is nonzero — no branch per value.
 */
export function buildRowLists(panel: usize, steps: usize, count: i32, lists: usize, rowBytes: usize, rowCounts: usize): void {
  const zero = i32x4.splat(0);
  const start = lists;
  let l0 = lists;
  let l1 = l0 + rowBytes;
  let l2 = l1 + rowBytes;
  let l3 = l2 + rowBytes;
  for (let q = 0; q < count; q++) {
    const v = v128.load(panel + <usize>q * 16);
    const offset = v128.load32_splat(steps + <usize>q * 4);
    const kept = i32x4.bitmask(i32x4.ne(v, zero));
    // Lanes (value r, offset) side by side: one 8-byte store per row.
    const low = v128.shuffle<i32>(v, offset, 0, 4, 1, 5);
    const high = v128.shuffle<i32>(v, offset, 2, 6, 3, 7);
    v128.store64_lane(l0, low, 0);
    v128.store64_lane(l1, low, 1);
    v128.store64_lane(l2, high, 0);
    v128.store64_lane(l3, high, 1);
    l0 += <usize>((kept & 1) << 3);
    l1 += <usize>((kept & 2) << 2);
    l2 += <usize>((kept & 4) << 1);
    l3 += <usize>(kept & 8);
  }
  store<i32>(rowCounts, <i32>((l0 - start) >> 3));
  store<i32>(rowCounts, <i32>((l1 - start - rowBytes) >> 3), 4);
  store<i32>(rowCounts, <i32>((l2 - start - 2 * rowBytes) >> 3), 8);
  store<i32>(rowCounts, <i32>((l3 - start - 3 * rowBytes) >> 3), 12);
}
