import { ArgumentError } from '../errors';
import { DenseNetwork } from '../network/dense-network';
import { createOptimizer } from '../optimizers/optimizer-registry';
import { Rng } from '../random';
import type { ActivationName, Kernels } from './kernels';
import { threadsFromEnvironment } from './node-thread-pool';
import { canUseWasmThreads, loadWasmKernels } from './wasm-kernels';
import { hasWasmSimd } from './wasm-module';
import { MIN_PARALLEL_MACS, planGemm, splitRange } from './wasm-parallel';
import { type WindowOptions, windowGeometry } from './window-geometry';

describe('splitRange', () => {
  it.each([
    [128, 2, 4, [0, 64, 128]],
    [784, 2, 4, [0, 392, 784]],
    [10, 2, 8, [0, 8, 10]],
    [37, 3, 4, [0, 12, 24, 37]],
    [3, 4, 4, [0, 0, 0, 3, 3]],
  ])('cuts %i into %i parts on multiples of %i', (total, parts, unit, expected) => {
    const bounds = splitRange(total, parts, unit);
    expect(bounds).toEqual(expected);
    for (let t = 1; t < parts; t++) expect(bounds[t] % unit === 0 || bounds[t] === total).toBe(true);
  });
});

describe('planGemm', () => {
  it('keeps small products on one thread', () => {
    expect(64 * 64 * 16).toBeLessThan(MIN_PARALLEL_MACS);
    expect(planGemm(64, 64, 16, 2)).toEqual([[0, 64, 0, 16]]);
    expect(planGemm(1000, 1000, 1000, 1)).toEqual([[0, 1000, 0, 1000]]);
  });
  it('cuts the dimension whose cut duplicates less packing', () => {
    // X·W of layer 1: m = 128 < n = 256 → columns; Xᵀ·dZ of layer 1: m = 784 > n = 256 → rows.
    expect(planGemm(128, 784, 256, 2)).toEqual([
      [0, 128, 0, 128],
      [0, 128, 128, 256],
    ]);
    expect(planGemm(784, 128, 256, 2)).toEqual([
      [0, 392, 0, 256],
      [392, 784, 0, 256],
    ]);
  });
  it('covers C exactly once for any thread count', () => {
    for (const [m, k, n] of [[129, 785, 7], [7, 785, 129], [1, 100000, 3], [333, 333, 333]]) {
      for (const threads of [2, 3, 4]) {
        const covered = new Uint8Array(m * n);
        for (const [i0, i1, j0, j1] of planGemm(m, k, n, threads)) for (let i = i0; i < i1; i++) for (let j = j0; j < j1; j++) covered[i * n + j]++;
        expect(covered.every((c) => c === 1)).toBe(true);
      }
    }
  });
});

describe('BACKPROP_THREADS', () => {
  const saved = process.env.BACKPROP_THREADS;
  afterEach(() => {
    if (saved === undefined) delete process.env.BACKPROP_THREADS;
    else process.env.BACKPROP_THREADS = saved;
  });
  it('is read as the thread count and rejected when not an integer ≥ 1', () => {
    process.env.BACKPROP_THREADS = '3';
    expect(threadsFromEnvironment()).toBe(3);
    for (const bad of ['0', 'two', '1.5', '-2']) {
      process.env.BACKPROP_THREADS = bad;
      expect(() => threadsFromEnvironment()).toThrow(new ArgumentError(`BACKPROP_THREADS must be an integer from 1 to 256, got "${bad}"`));
    }
  });
  it('rejects a thread count option that is not an integer ≥ 1', () => {
    expect(() => loadWasmKernels('auto', { threads: 0 })).toThrow('wasm kernels: threads must be an integer from 1 to 256, got 0');
  });
});

const runnable = hasWasmSimd() && canUseWasmThreads();
if (!runnable) console.warn('wasm thread pool tests skipped: no WebAssembly SIMD or no shared memory here');
const describeThreads = runnable ? describe : describe.skip;

// The pool splits C (and the rows of elementwise kernels) among threads; every value is still computed
// by one thread in the serial order, so 2 and 3 threads must give exactly the 1-thread result.
describeThreads('wasm kernels on a worker pool', () => {
  const one = loadWasmKernels('auto', { threads: 1 })!;
  const pools = [loadWasmKernels('auto', { threads: 2 })!, loadWasmKernels('auto', { threads: 3 })!];

  /** Bit-for-bit equality (jest's toEqual walks typed arrays element by element: far too slow here). */
  function sameBits(actual: Float32Array, expected: Float32Array): boolean {
    const bytes = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    return actual.length === expected.length && bytes(actual).equals(bytes(expected));
  }

  function filled(k: Kernels, values: Float32Array): Float32Array {
    const buffer = k.alloc(values.length);
    buffer.set(values);
    return buffer;
  }
  function random(rng: Rng, length: number, zeros = 0): Float32Array {
    const v = new Float32Array(length);
    for (let i = 0; i < length; i++) v[i] = rng.uniform() < zeros ? 0 : rng.uniform(-1, 1);
    return v;
  }

  it('reports its thread count', () => {
    expect(pools.map((k) => k.threads)).toEqual([2, 3]);
    expect(pools[0].detail).toMatch(/2 threads$/);
  });

  const shapes: [number, number, number][] = [[128, 784, 256], [784, 128, 256], [128, 128, 256], [128, 256, 128], [128, 128, 10], [37, 785, 91], [129, 7, 1031], [5, 513, 1030], [1, 3000, 64]];
  const ops = ['matmul', 'matmulTransA', 'matmulTransB'] as const;
  it.each(shapes.flatMap(([m, k, n]) => ops.flatMap((op) => [false, true].map((accumulate) => ({ op, m, k, n, accumulate })))))(
    '$op $m×$k×$n (accumulate=$accumulate) equals one thread',
    ({ op, m, k, n, accumulate }) => {
      const rng = new Rng(m * 7 + k * 3 + n);
      const a = random(rng, m * k, 0.6);
      const b = random(rng, k * n);
      const c0 = random(rng, m * n);
      const expected = filled(one, c0);
      one[op](filled(one, a), filled(one, b), expected, m, k, n, accumulate);
      for (const pool of pools) {
        const c = filled(pool, c0);
        pool[op](filled(pool, a), filled(pool, b), c, m, k, n, accumulate);
        expect(sameBits(c, expected)).toBe(true);
      }
    },
  );

  it.each(['sigmoid', 'relu', 'softmax', 'tanh'] as ActivationName[])('bias + %s and its derivative equal one thread at 128×256 and 129×131', (name) => {
    const rng = new Rng(99);
    for (const [rows, cols] of [[128, 256], [129, 131]]) {
      const z0 = random(rng, rows * cols);
      const bias = random(rng, cols);
      const dy = random(rng, rows * cols);
      const run = (k: Kernels) => {
        const z = filled(k, z0);
        const out = k.alloc(rows * cols);
        const dz = k.alloc(rows * cols);
        k.biasActivation(z, filled(k, bias), out, rows, cols, { name, alpha: 0 });
        k.activationBackward(z, out, filled(k, dy), dz, rows, cols, { name, alpha: 0 });
        return [z, out, dz];
      };
      const expected = run(one);
      for (const pool of pools) expect(run(pool).map((v, i) => sameBits(v, expected[i]))).toEqual([true, true, true]);
    }
  });

  it('SGD updates of 200 704 and 16 385 weights equal one thread', () => {
    const rng = new Rng(5);
    for (const n of [200704, 16385]) {
      const w0 = random(rng, n);
      const g = random(rng, n);
      const w = filled(one, w0);
      one.sgdUpdate(w, filled(one, g), n, 0.01);
      for (const pool of pools) {
        const wp = filled(pool, w0);
        pool.sgdUpdate(wp, filled(pool, g), n, 0.01);
        expect(sameBits(wp, w)).toBe(true);
      }
    }
  });

  it.each([
    ['Conv2D 3×3 valid over 20×20×16', [20, 20, 16], { window: 'kernel', size: [3, 3], strides: [1, 1], padding: 'valid' }],
    ['Conv2D 3×2 same, strides 2×1, over 13×11×5', [13, 11, 5], { window: 'kernel', size: [3, 2], strides: [2, 1], padding: 'same' }],
    ['pool 3×3 same, strides 2, over 27×27×6', [27, 27, 6], { window: 'pool', size: [3, 3], strides: [2, 2], padding: 'same' }],
  ] as const)('im2col, col2im and both poolings split by samples equal one thread: %s', (_label, shape, options) => {
    const g = windowGeometry(shape, { label: 'test', ...options } as WindowOptions);
    const batch = 37;
    const inSize = batch * g.inH * g.inW * g.channels;
    const patches = batch * g.outH * g.outW * g.windowH * g.windowW * g.channels;
    const outSize = batch * g.outH * g.outW * g.channels;
    const rng = new Rng(shape[0]);
    const x0 = random(rng, inSize, 0.3);
    const cols0 = random(rng, patches);
    const dx0 = random(rng, inSize);
    const dy0 = random(rng, outSize);
    const run = (k: Kernels) => {
      const x = filled(k, x0);
      const cols = k.alloc(patches);
      k.im2col(x, cols, batch, g);
      const dx = filled(k, dx0);
      k.col2im(filled(k, cols0), dx, batch, g, true);
      const dxFresh = k.alloc(inSize);
      k.col2im(filled(k, cols0), dxFresh, batch, g);
      const y = k.alloc(outSize);
      const argmax = k.alloc(outSize);
      k.maxPool(x, y, argmax, batch, g);
      const dxMax = k.alloc(inSize);
      k.maxPoolBackward(filled(k, dy0), argmax, dxMax, batch, g);
      const avg = k.alloc(outSize);
      k.avgPool(x, avg, batch, g);
      const dxAvg = k.alloc(inSize);
      k.avgPoolBackward(filled(k, dy0), dxAvg, batch, g);
      return [cols, dx, dxFresh, y, argmax, dxMax, avg, dxAvg];
    };
    const expected = run(one);
    for (const pool of pools) expect(run(pool).map((v, i) => sameBits(v, expected[i]))).toEqual(expected.map(() => true));
  });

  it('trains the MNIST-shaped network to the same weights on 1 and 2 threads', () => {
    const train = (kernels: Kernels) => {
      const net = new DenseNetwork({
        inputSize: 784,
        layers: [{ units: 256, activation: 'sigmoid' }, { units: 128, activation: 'relu' }, { units: 10, activation: 'softmax' }],
        loss: 'categoricalCrossentropy',
        kernels,
        seed: 3,
      });
      const opt = createOptimizer({ name: 'sgd', learningRate: 0.1 }, kernels);
      const rng = new Rng(11);
      const x = net.inputBuffer(128);
      const y = net.targetBuffer(128);
      const losses: number[] = [];
      for (let step = 0; step < 3; step++) {
        x.set(random(rng, 128 * 784, 0.8).map(Math.abs));
        y.fill(0);
        for (let r = 0; r < 128; r++) y[r * 10 + (r % 10)] = 1;
        losses.push(net.trainStep(x, y, 128, opt));
      }
      const weights = net.getWeights();
      opt.dispose();
      net.dispose();
      return { losses, weights };
    };
    const expected = train(one);
    const actual = train(pools[0]);
    expect(actual.losses).toEqual(expected.losses);
    actual.weights.forEach((w, l) => {
      expect(sameBits(w.kernel as Float32Array, expected.weights[l].kernel as Float32Array)).toBe(true);
      expect(sameBits(w.bias as Float32Array, expected.weights[l].bias as Float32Array)).toBe(true);
    });
  });
});
