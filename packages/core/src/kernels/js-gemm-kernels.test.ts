import { Rng } from '../random';
import { jsGemmKernels } from './js-gemm-kernels';

// The unrolled js GEMMs against the textbook triple loop in float64, on shapes whose shared dimension and
// column count are not multiples of the unroll (4), with and without accumulation.
const rng = new Rng(3);
const random = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));

/** c[i, j] = Σp A[i, p]·B[p, j] with A[i, p] = at(a, i, p), B[p, j] = at(b, p, j). */
function reference(m: number, k: number, n: number, a: (i: number, p: number) => number, b: (p: number, j: number) => number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j] += a(i, p) * b(p, j);
  return c;
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 4, 4],
  [5, 7, 6],
  [9, 13, 11],
  [4, 288, 10],
];

describe.each(SHAPES)('js GEMMs at m=%i k=%i n=%i', (m, k, n) => {
  const a = random(m * k);
  const b = random(k * n);
  const start = random(m * n);
  const check = (c: Float32Array, expected: Float64Array, offset: Float32Array | null) =>
    c.forEach((v, i) => expect(Math.abs(v - (expected[i] + (offset ? offset[i] : 0)))).toBeLessThan(1e-5 * Math.max(1, k / 16)));

  it.each([false, true])('matmul, accumulate %s', (accumulate) => {
    const c = start.slice();
    jsGemmKernels.matmul(a, b, c, m, k, n, accumulate);
    check(c, reference(m, k, n, (i, p) => a[i * k + p], (p, j) => b[p * n + j]), accumulate ? start : null);
  });

  it.each([false, true])('matmulTransB (b is n×k), accumulate %s', (accumulate) => {
    const c = start.slice();
    jsGemmKernels.matmulTransB(a, b, c, m, k, n, accumulate);
    check(c, reference(m, k, n, (i, p) => a[i * k + p], (p, j) => b[j * k + p]), accumulate ? start : null);
  });

  it.each([false, true])('matmulTransA (a is k×m), accumulate %s', (accumulate) => {
    const c = start.slice();
    jsGemmKernels.matmulTransA(a, b, c, m, k, n, accumulate);
    check(c, reference(m, k, n, (i, p) => a[p * m + i], (p, j) => b[p * n + j]), accumulate ? start : null);
  });
});
