import { Rng } from '../random';
import { jsKernels } from './js-kernels';
import type { Kernels } from './kernels';
import { loadWasmKernels } from './wasm-kernels';
import { hasWasmSimd } from './wasm-module';

// The GEMM's row kernel (assembly/gemm-row-kernel.ts): panels of A whose rows are mostly zero inside
// the kept steps are multiplied row by row, 32 columns of C at a time, skipping every zero of A; the
// rest (dense panels, the last < 32 columns, edge panels) goes through the 4×8 tile. Both must give
// the js reference's values, and the same bits as each other.

const simd = hasWasmSimd();
if (!simd) console.warn('wasm row-kernel tests skipped: this runtime has no WebAssembly SIMD');
const describeWasm = simd ? describe : describe.skip;

type Op = 'matmul' | 'matmulTransA' | 'matmulTransB';
const OPS: Op[] = ['matmul', 'matmulTransA', 'matmulTransB'];

/** Element (i, p) of op(A)[m×k] in A's storage: m×k, or k×m for matmulTransA. */
function aIndex(op: Op, m: number, k: number, i: number, p: number): number {
  return op === 'matmulTransA' ? p * m + i : i * k + p;
}
/** Element (p, j) of op(B)[k×n] in B's storage: k×n, or n×k for matmulTransB. */
function bIndex(op: Op, k: number, n: number, p: number, j: number): number {
  return op === 'matmulTransB' ? j * k + p : p * n + j;
}

/** Same bits, element by element (−0 ≠ +0, NaN = NaN). */
function sameBits(actual: Float32Array, expected: Float32Array): boolean {
  const a = new Uint32Array(actual.buffer, actual.byteOffset, actual.length);
  const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
  return a.length === e.length && a.every((bits, i) => bits === e[i]);
}

/** Normwise error, as in wasm-kernels.test.ts: max|actual − expected| / max(1, max|expected|). */
function normwiseError(actual: Float32Array, expected: Float32Array): number {
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < expected.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= diff)) diff = d;
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff / scale;
}

describeWasm('wasm GEMM row kernel', () => {
  const wasm = loadWasmKernels('auto', { threads: 1 }) as Kernels;
  const rng = new Rng(1414);

  /** op(A)[m×k] with a fraction `density` of nonzero values, scattered at random (a few −0 among the zeros). */
  function sparseA(op: Op, m: number, k: number, density: number): Float32Array {
    const a = new Float32Array(m * k);
    for (let i = 0; i < m; i++) {
      for (let p = 0; p < k; p++) {
        const u = rng.uniform();
        a[aIndex(op, m, k, i, p)] = u < density ? rng.uniform(-1, 1) : u < density + 0.01 ? -0 : 0;
      }
    }
    return a;
  }
  function randomArray(length: number): Float32Array {
    return Float32Array.from({ length }, () => rng.uniform(-1, 1));
  }

  // n = 32 and 256: whole groups only; 40, 72, 257: groups plus a tile tail; 31: tiles only. m = 130
  // ends on an edge panel of 2 rows; k = 785 spans four KC = 256 slices.
  const shapes: [number, number, number][] = [[128, 784, 256], [130, 300, 40], [12, 785, 72], [64, 128, 257], [9, 50, 31], [4, 3, 32]];
  const densities = [0.05, 0.19, 0.4, 0.7];
  const cases = OPS.flatMap((op) => shapes.flatMap(([m, k, n]) => densities.map((density) => ({ op, m, k, n, density }))));

  it.each(cases)('$op $m×$k×$n with density $density matches the js kernels (accumulate and not)', ({ op, m, k, n, density }) => {
    const a = sparseA(op, m, k, density);
    const b = randomArray(k * n);
    for (const accumulate of [false, true]) {
      const c0 = randomArray(m * n);
      const expected = Float32Array.from(c0);
      const actual = Float32Array.from(c0);
      jsKernels[op](a, b, expected, m, k, n, accumulate);
      wasm[op](a, b, actual, m, k, n, accumulate);
      expect(normwiseError(actual, expected)).toBeLessThanOrEqual(1e-5);
    }
  });

  // The bits of C[:, j] must not depend on which path computed column j. With n = 40, columns 0–31 are
  // one row-kernel group and 32–39 a tile; rotating B's columns by 8 swaps the paths of 8 columns
  // (original 24–31 move to the tile, 32–39 into the group), so the two products compare both paths.
  it.each(OPS.flatMap((op) => [false, true].map((accumulate) => ({ op, accumulate }))))(
    '$op gives the same bits through the row kernel and the 4×8 tile (accumulate=$accumulate)',
    ({ op, accumulate }) => {
      const [m, k, n] = [64, 600, 40];
      const a = sparseA(op, m, k, 0.19);
      const b = randomArray(k * n);
      const rotated = new Float32Array(k * n);
      const column = (j: number) => (j + 32) % n; // column j of the rotated B is column (j + 32) mod 40 of B
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) rotated[bIndex(op, k, n, p, j)] = b[bIndex(op, k, n, p, column(j))];
      const c0 = randomArray(m * n);
      const c = Float32Array.from(c0);
      wasm[op](a, b, c, m, k, n, accumulate);
      const rotatedC0 = new Float32Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) rotatedC0[i * n + j] = c0[i * n + column(j)];
      const cRotated = Float32Array.from(rotatedC0);
      wasm[op](a, rotated, cRotated, m, k, n, accumulate);
      const unrotated = new Float32Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) unrotated[i * n + column(j)] = cRotated[i * n + j];
      expect(sameBits(unrotated, c)).toBe(true);
    },
  );

  // Probe that the row kernel really ran in the test above: it skips each zero of A on its own, so a
  // zero of A facing an infinity of B leaves C finite, where the 4×8 tile (which multiplies the zeros
  // of a kept step) gives 0·∞ = NaN. Only columns 0–31 (the group) stay finite.
  it.each(OPS)('%s skips single zeros of A in the row kernel and not in the tile', (op) => {
    const [m, k, n] = [8, 64, 40];
    const a = sparseA(op, m, k, 0.1);
    for (let p = 0; p < k; p++) a[aIndex(op, m, k, 0, p)] = 0;
    a[aIndex(op, m, k, 1, 5)] = 1; // step 5 is kept in panel 0 (rows 0–3) because of row 1
    const b = randomArray(k * n);
    for (let j = 0; j < n; j++) b[bIndex(op, k, n, 5, j)] = Number.POSITIVE_INFINITY;
    const c = new Float32Array(m * n);
    wasm[op](a, b, c, m, k, n);
    const row0 = Array.from(c.subarray(0, n));
    expect(row0.slice(0, 32)).toEqual(new Array(32).fill(0));
    expect(row0.slice(32).every(Number.isNaN)).toBe(true);
  });
});
