import type { FloatArray } from '../matrix';
import { Rng } from '../random';
import { jsKernels } from './js-kernels';
import type { Kernels } from './kernels';
import { loadWasmKernels } from './wasm-kernels';
import { hasWasmSimd } from './wasm-module';

// The Adagrad, Adadelta, Adamax and Nadam wasm kernels against the js reference on seeded random inputs,
// on `alloc` views and on plain arrays (staged copies), for lengths with and without a scalar tail.
// Error: max over elements of |wasm − js| / max(1, |js|), as in wasm-kernels.test.ts.
const TOLERANCE = 1e-5;
const describeWasm = hasWasmSimd() ? describe : describe.skip;

describeWasm('wasm adaptive optimizer kernels match the js kernels', () => {
  const wasm = loadWasmKernels() as Kernels;
  const rng = new Rng(20261202);
  const kinds = ['alloc', 'plain'] as const;
  const cases = [1, 3, 7, 129, 785].flatMap((n) => kinds.map((kind) => ({ n, kind })));

  function random(kind: (typeof kinds)[number], length: number, low = -1, high = 1): Float32Array {
    const buffer = kind === 'alloc' ? wasm.alloc(length) : new Float32Array(length);
    for (let i = 0; i < length; i++) buffer[i] = rng.uniform(low, high);
    return buffer;
  }

  function compare(kind: (typeof kinds)[number], arrays: Float32Array[], update: (k: Kernels, arrays: FloatArray[]) => void): void {
    const expected = arrays.map((a) => Float32Array.from(a));
    const actual = arrays.map((a) => {
      const b = kind === 'alloc' ? wasm.alloc(a.length) : new Float32Array(a.length);
      b.set(a);
      return b;
    });
    update(jsKernels, expected);
    update(wasm, actual);
    actual.forEach((a, i) => {
      let worst = 0;
      for (let j = 0; j < a.length; j++) {
        const e = Math.abs(a[j] - expected[i][j]) / Math.max(1, Math.abs(expected[i][j]));
        if (!(e <= worst)) worst = e;
      }
      expect(worst).toBeLessThanOrEqual(TOLERANCE);
    });
  }

  it('loads', () => expect(wasm).not.toBeNull());

  it.each(cases)('adagrad, n=$n ($kind)', ({ n, kind }) => {
    compare(kind, [random(kind, n), random(kind, n), random(kind, n, 0.1, 1)], (k, [w, g, acc]) => k.adagradUpdate(w, g, acc, n, 0.01, 1e-7));
  });

  it.each(cases)('adadelta, n=$n ($kind)', ({ n, kind }) => {
    const arrays = [random(kind, n), random(kind, n), random(kind, n, 0, 0.1), random(kind, n, 0, 0.01)];
    compare(kind, arrays, (k, [w, g, a, d]) => k.adadeltaUpdate(w, g, a, d, n, 1, 0.95, 1e-7));
  });

  it.each(cases)('adamax at steps 1 and 10, n=$n ($kind)', ({ n, kind }) => {
    for (const t of [1, 10]) {
      const arrays = [random(kind, n), random(kind, n), random(kind, n, -0.1, 0.1), random(kind, n, 0, 1)];
      compare(kind, arrays, (k, [w, g, m, u]) => k.adamaxUpdate(w, g, m, u, n, 0.002, 0.9, 0.999, 1e-7, t));
    }
  });

  it.each(cases)('nadam at steps 1 and 10, n=$n ($kind)', ({ n, kind }) => {
    for (const t of [1, 10]) {
      const arrays = [random(kind, n), random(kind, n), random(kind, n, -0.1, 0.1), random(kind, n, 0, 0.01)];
      compare(kind, arrays, (k, [w, g, m, v]) => k.nadamUpdate(w, g, m, v, n, 0.001, 0.9, 0.999, 1e-7, 1.2, 0.15, t));
    }
  });
});
