import type { FloatArray } from '../matrix';
import { Rng } from '../random';
import { jsKernels } from './js-kernels';
import type { ActivationName, ActivationSpec, Kernels } from './kernels';
import { loadWasmKernels } from './wasm-kernels';
import { hasWasmSimd } from './wasm-module';

// Every wasm kernel against the js reference on seeded random inputs.
//
// Error measure: elementwise kernels use max over elements of |wasm − js| / max(1, |js|); the GEMMs use
// the normwise max|wasm − js| / max(1, max|js|), because a float32 dot product of length k carries an
// absolute error that grows with the magnitude of its terms, not with that of its (possibly cancelled) sum.
const TOLERANCE = 1e-5;

// Skip only when the runtime itself has no WebAssembly SIMD. A missing .wasm file is a failure:
// CI builds (node scripts/build-wasm.mjs) before it tests.
const simd = hasWasmSimd();
if (!simd) console.warn('wasm kernel tests skipped: this runtime has no WebAssembly SIMD');
const describeWasm = simd ? describe : describe.skip;

function elementwiseError(actual: ArrayLike<number>, expected: ArrayLike<number>, length: number): number {
  let worst = 0;
  for (let i = 0; i < length; i++) {
    const e = Math.abs(actual[i] - expected[i]) / Math.max(1, Math.abs(expected[i]));
    if (!(e <= worst)) worst = e; // NaN propagates as a failure
  }
  return worst;
}

function normwiseError(actual: ArrayLike<number>, expected: ArrayLike<number>, length: number): number {
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= diff)) diff = d;
    scale = Math.max(scale, Math.abs(expected[i]));
  }
  return diff / scale;
}

type BufferKind = 'alloc' | 'plain';

describeWasm('wasm kernels match the js kernels', () => {
  const loaded = loadWasmKernels();
  const rng = new Rng(20240521);

  it('loads (if this fails, run `pnpm --filter @backprop/core build` to compile the .wasm)', () => {
    expect(loaded).not.toBeNull();
    expect(loaded?.name).toBe('wasm');
  });
  if (!loaded) return;
  const wasm: Kernels = loaded;

  /** A buffer of random values in [low, high), from `alloc` or a plain Float32Array. */
  function random(kind: BufferKind, length: number, low = -1, high = 1): Float32Array {
    const buffer = kind === 'alloc' ? wasm.alloc(length) : new Float32Array(length);
    for (let i = 0; i < length; i++) buffer[i] = rng.uniform(low, high);
    return buffer;
  }

  function copy(kind: BufferKind, source: Float32Array): Float32Array {
    const buffer = kind === 'alloc' ? wasm.alloc(source.length) : new Float32Array(source.length);
    buffer.set(source);
    return buffer;
  }

  const kinds: BufferKind[] = ['alloc', 'plain'];

  describe('GEMM', () => {
    // Sizes 1, 3, 7, 129, 785 in every position (edges of the 4×8 tile), slices of the shared dimension
    // (KC = 256) and of n (NC = 1024), and the shapes of one training step of 784-256-128-10 at batch 128.
    const edgeShapes: [number, number, number][] = [
      [1, 1, 1],
      [3, 7, 1],
      [7, 3, 129],
      [129, 7, 3],
      [1, 785, 3],
      [785, 3, 7],
      [3, 129, 785],
      [129, 129, 129],
      [7, 785, 129],
      [129, 785, 7],
      [5, 513, 1030],
    ];
    const forward: [number, number, number][] = [[128, 784, 256], [128, 256, 128], [128, 128, 10]];
    const backwardInput: [number, number, number][] = [[128, 256, 784], [128, 128, 256], [128, 10, 128]];
    const weightGradient: [number, number, number][] = [[784, 128, 256], [256, 128, 128], [128, 128, 10]];
    const ops = [
      { op: 'matmul', shapes: [...edgeShapes, ...forward], aSize: (m: number, k: number) => m * k, bSize: (k: number, n: number) => k * n },
      { op: 'matmulTransB', shapes: [...edgeShapes, ...backwardInput], aSize: (m: number, k: number) => m * k, bSize: (k: number, n: number) => n * k },
      { op: 'matmulTransA', shapes: [...edgeShapes, ...weightGradient], aSize: (m: number, k: number) => k * m, bSize: (k: number, n: number) => k * n },
    ] as const;
    const cases = ops.flatMap(({ op, shapes }) =>
      shapes.flatMap(([m, k, n]) => kinds.flatMap((kind) => [false, true].map((accumulate) => ({ op, m, k, n, kind, accumulate })))),
    );

    it.each(cases)('$op $m×$k×$n ($kind buffers, accumulate=$accumulate)', ({ op, m, k, n, kind, accumulate }) => {
      const spec = ops.find((o) => o.op === op)!;
      const a = random(kind, spec.aSize(m, k));
      const b = random(kind, spec.bSize(k, n));
      const aBefore = Float32Array.from(a);
      const c = random(kind, m * n);
      const expected = Float32Array.from(c);
      jsKernels[op](a, b, expected, m, k, n, accumulate);
      wasm[op](a, b, c, m, k, n, accumulate);
      expect(normwiseError(c, expected, m * n)).toBeLessThanOrEqual(TOLERANCE);
      expect(a).toEqual(aBefore);
    });

    // Zeros in A let the packing drop steps of the shared dimension (microKernel4x8Sparse): MNIST-like
    // inputs, with whole zero columns (border pixels), scattered zeros, −0 and some rows all zero.
    const sparseCases = ops.flatMap(({ op }) =>
      [[128, 784, 256], [129, 7, 3], [7, 785, 129], [3, 129, 785], [784, 128, 256]].flatMap(([m, k, n]) => kinds.map((kind) => ({ op, m, k, n, kind }))),
    );
    it.each(sparseCases)('$op $m×$k×$n with mostly-zero A ($kind buffers)', ({ op, m, k, n, kind }) => {
      const spec = ops.find((o) => o.op === op)!;
      const a = random(kind, spec.aSize(m, k));
      // Zero 70% of the values, runs of 30 in every 97, every fifth row of storage, and write a few −0.
      const rowLength = op === 'matmulTransA' ? m : k;
      for (let i = 0; i < a.length; i++) {
        if (rng.uniform() < 0.7 || i % 97 < 30 || Math.floor(i / rowLength) % 5 === 1) a[i] = 0;
        else if (rng.uniform() < 0.01) a[i] = -0;
      }
      const b = random(kind, spec.bSize(k, n));
      for (const accumulate of [false, true]) {
        const c = random(kind, m * n);
        const expected = Float32Array.from(c);
        jsKernels[op](a, b, expected, m, k, n, accumulate);
        wasm[op](a, b, c, m, k, n, accumulate);
        expect(normwiseError(c, expected, m * n)).toBeLessThanOrEqual(TOLERANCE);
      }
    });

    it('matches the js kernels exactly in float32 on small integers, dense and sparse', () => {
      // Every product and partial sum is an exact float32 integer, so the order of summation cannot matter.
      const [m, k, n] = [37, 300, 45];
      const a = Float32Array.from({ length: m * k }, (_, i) => (i % 3 === 0 ? 0 : ((i * 7) % 13) - 6));
      const b = Float32Array.from({ length: k * n }, (_, i) => ((i * 5) % 11) - 5);
      for (const op of ['matmul', 'matmulTransB', 'matmulTransA'] as const) {
        const expected = new Float32Array(m * n);
        const actual = new Float32Array(m * n);
        jsKernels[op](a, b, expected, m, k, n);
        wasm[op](a, b, actual, m, k, n);
        expect(actual).toEqual(expected);
      }
    });

    it('only touches the first m·n values of a larger output buffer', () => {
      const c = wasm.alloc(40).fill(7);
      wasm.matmul(random('alloc', 3 * 5), random('alloc', 5 * 7), c, 3, 5, 7);
      expect(Array.from(c.subarray(21))).toEqual(new Array(19).fill(7));
    });
  });

  describe('activations', () => {
    const specs: ActivationSpec[] = [
      { name: 'step', alpha: 0 },
      { name: 'linear', alpha: 0 },
      { name: 'sigmoid', alpha: 0 },
      { name: 'tanh', alpha: 0 },
      { name: 'relu', alpha: 0 },
      { name: 'leakyRelu', alpha: 0.3 },
      { name: 'leakyRelu', alpha: 0.01 },
      { name: 'elu', alpha: 1 },
      { name: 'elu', alpha: 0.5 },
      { name: 'softmax', alpha: 0 },
    ];
    const shapes: [number, number][] = [[1, 1], [3, 7], [129, 10], [7, 785], [128, 256]];
    const cases = specs.flatMap((spec) =>
      shapes.flatMap(([rows, cols]) => kinds.map((kind) => ({ name: spec.name as ActivationName, alpha: spec.alpha, rows, cols, kind }))),
    );

    /** Pre-activations over the ranges each formula switches on: tiny, moderate, saturating and underflowing. */
    function preActivations(kind: BufferKind, length: number): Float32Array {
      const z = random(kind, length, -6, 6);
      const specials = [0, 1e-8, -1e-8, 0.3, -0.3, 0.62, -0.63, -0.49, -0.51, 20, -20, 90, -90, -200];
      for (let i = 0; i < Math.min(length, specials.length); i++) z[(i * 7919) % length] = specials[i];
      return z;
    }

    it.each(cases)('$name(alpha=$alpha) forward with and without bias, $rows×$cols ($kind)', ({ name, alpha, rows, cols, kind }) => {
      const n = rows * cols;
      const activation = { name, alpha };
      for (const withBias of [false, true]) {
        const z = preActivations(kind, n);
        const bias = withBias ? random(kind, cols) : null;
        const zExpected = Float32Array.from(z);
        const expected = new Float32Array(n);
        jsKernels.biasActivation(zExpected, bias, expected, rows, cols, activation);
        const out = kind === 'alloc' ? wasm.alloc(n) : new Float32Array(n);
        wasm.biasActivation(z, bias, out, rows, cols, activation);
        expect(elementwiseError(z, zExpected, n)).toBeLessThanOrEqual(TOLERANCE);
        expect(elementwiseError(out, expected, n)).toBeLessThanOrEqual(TOLERANCE);
      }
    });

    it.each(cases)('$name(alpha=$alpha) backward, $rows×$cols ($kind)', ({ name, alpha, rows, cols, kind }) => {
      const n = rows * cols;
      const activation = { name, alpha };
      const z = preActivations(kind, n);
      const y = kind === 'alloc' ? wasm.alloc(n) : new Float32Array(n);
      jsKernels.biasActivation(Float32Array.from(z), null, y, rows, cols, activation);
      const dy = random(kind, n);
      const expected = new Float32Array(n);
      jsKernels.activationBackward(z, y, dy, expected, rows, cols, activation);
      const dz = kind === 'alloc' ? wasm.alloc(n) : new Float32Array(n);
      wasm.activationBackward(z, y, dy, dz, rows, cols, activation);
      expect(elementwiseError(dz, expected, n)).toBeLessThanOrEqual(TOLERANCE);
    });

    it.each(kinds)('works in place (out === z, %s buffers)', (kind) => {
      const z = preActivations(kind, 3 * 7);
      const bias = random(kind, 7);
      const expected = Float32Array.from(z);
      jsKernels.biasActivation(expected, bias, expected, 3, 7, { name: 'tanh', alpha: 0 });
      wasm.biasActivation(z, bias, z, 3, 7, { name: 'tanh', alpha: 0 });
      expect(elementwiseError(z, expected, 21)).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  describe('columnSums', () => {
    const cases = [[1, 1], [3, 7], [129, 3], [128, 785], [128, 10]].flatMap(([rows, cols]) =>
      kinds.flatMap((kind) => [false, true].map((accumulate) => ({ rows, cols, kind, accumulate }))),
    );
    it.each(cases)('$rows×$cols ($kind, accumulate=$accumulate)', ({ rows, cols, kind, accumulate }) => {
      const a = random(kind, rows * cols);
      const out = random(kind, cols);
      const expected = Float32Array.from(out);
      jsKernels.columnSums(a, expected, rows, cols, accumulate);
      wasm.columnSums(a, out, rows, cols, accumulate);
      expect(elementwiseError(out, expected, cols)).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  describe('softmaxCrossEntropy', () => {
    const cases = [[1, 1], [3, 7], [128, 10], [7, 785]].flatMap(([rows, cols]) =>
      kinds.flatMap((kind) => [true, false].map((oneHot) => ({ rows, cols, kind, oneHot }))),
    );
    it.each(cases)('$rows×$cols ($kind, one-hot targets=$oneHot)', ({ rows, cols, kind, oneHot }) => {
      const n = rows * cols;
      const z = random(kind, n, -8, 8);
      if (n > 2) z[2] = -60; // a probability below the 1e-7 floor
      // One-hot labels, or soft unnormalised targets (then Σt ≠ 1 enters the gradient).
      const targets = oneHot ? new Float32Array(n) : random(kind, n, 0, 1);
      if (oneHot) for (let r = 0; r < rows; r++) targets[r * cols + rng.int(cols)] = 1;
      const targetsIn = copy(kind, targets);
      const expectedProbs = new Float32Array(n);
      const expectedGrad = new Float32Array(n);
      const expectedLoss = jsKernels.softmaxCrossEntropy(z, targets, expectedProbs, expectedGrad, rows, cols, 1 / rows);
      const probs = kind === 'alloc' ? wasm.alloc(n) : new Float32Array(n);
      const grad = kind === 'alloc' ? wasm.alloc(n) : new Float32Array(n);
      const loss = wasm.softmaxCrossEntropy(z, targetsIn, probs, grad, rows, cols, 1 / rows);
      expect(Math.abs(loss - expectedLoss) / Math.max(1, Math.abs(expectedLoss))).toBeLessThanOrEqual(TOLERANCE);
      expect(elementwiseError(probs, expectedProbs, n)).toBeLessThanOrEqual(TOLERANCE);
      expect(elementwiseError(grad, expectedGrad, n)).toBeLessThanOrEqual(TOLERANCE);
    });
  });

  describe('optimizer updates', () => {
    const cases = [1, 3, 7, 129, 785].flatMap((n) => kinds.map((kind) => ({ n, kind })));

    /** Run `update` on wasm buffers and on copies with the js kernels; compare every written array. */
    function compare(kind: BufferKind, arrays: Float32Array[], update: (k: Kernels, arrays: FloatArray[]) => void): void {
      const expected = arrays.map((a) => Float32Array.from(a));
      const actual = arrays.map((a) => copy(kind, a));
      update(jsKernels, expected);
      update(wasm, actual);
      actual.forEach((a, i) => expect(elementwiseError(a, expected[i], a.length)).toBeLessThanOrEqual(TOLERANCE));
    }

    it.each(cases)('sgd, n=$n ($kind)', ({ n, kind }) => {
      compare(kind, [random(kind, n), random(kind, n)], (k, [w, g]) => k.sgdUpdate(w, g, n, 0.05));
    });

    it.each(cases)('momentum and Nesterov, n=$n ($kind)', ({ n, kind }) => {
      for (const nesterov of [false, true]) {
        compare(kind, [random(kind, n), random(kind, n), random(kind, n)], (k, [w, g, v]) => k.momentumUpdate(w, g, v, n, 0.05, 0.9, nesterov));
      }
    });

    it.each(cases)('adam at steps 1 and 10, n=$n ($kind)', ({ n, kind }) => {
      for (const t of [1, 10]) {
        const arrays = [random(kind, n), random(kind, n), random(kind, n, -0.1, 0.1), random(kind, n, 0, 0.01)];
        compare(kind, arrays, (k, [w, g, m, v]) => k.adamUpdate(w, g, m, v, n, 0.001, 0.9, 0.999, 1e-7, t));
      }
    });

    it.each(cases)('rmsprop with and without momentum, n=$n ($kind)', ({ n, kind }) => {
      for (const momentum of [0, 0.9]) {
        const arrays = [random(kind, n), random(kind, n), random(kind, n, 0, 0.01), random(kind, n, -0.01, 0.01)];
        compare(kind, arrays, (k, [w, g, s, mom]) => k.rmspropUpdate(w, g, s, mom, n, 0.001, 0.9, momentum, 1e-7));
      }
    });
  });
});
