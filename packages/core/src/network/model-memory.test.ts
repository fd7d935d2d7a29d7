import { KernelError, ModelSizeError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { getKernels } from '../kernels/kernel-registry';
import { createWasmKernels, type WasmKernels } from '../kernels/wasm-kernels';
import { loadWasmKernelModule } from '../kernels/wasm-module';
import { createOptimizer, optimizerSlotCount } from '../optimizers/optimizer-registry';
import { DenseNetwork } from './dense-network';
import { estimateDenseMemory } from './model-memory';

/** A fresh wasm kernel set with its own heap of `megabytes` (null without WebAssembly SIMD). */
function freshWasmKernels(megabytes: number): WasmKernels | null {
  const before = process.env.BACKPROP_WASM_MEMORY_MB;
  process.env.BACKPROP_WASM_MEMORY_MB = String(megabytes);
  try {
    const module = loadWasmKernelModule('simd');
    return module ? createWasmKernels(module) : null;
  } finally {
    if (before === undefined) delete process.env.BACKPROP_WASM_MEMORY_MB;
    else process.env.BACKPROP_WASM_MEMORY_MB = before;
  }
}

const wasm16 = freshWasmKernels(16);
const itWasm = wasm16 ? it : it.skip;

describe('model memory: sizes are checked before memory is allocated', () => {
  itWasm('the estimate matches what the wasm heap hands out: weights, gradients, batch buffers, optimizer state', () => {
    const kernels = freshWasmKernels(16)!;
    const start = kernels.heapUsedBytes;
    const layers = [
      { units: 7, dropoutRate: 0.5 },
      { units: 3, useBias: false },
    ];
    const net = new DenseNetwork({ inputSize: 10, layers, kernels });
    net.inputBuffer(5);
    const optimizer = createOptimizer('adam', kernels);
    const x = net.inputBuffer(5);
    x.fill(0.5);
    net.trainStep(x, net.targetBuffer(5), 5, optimizer);
    const used = kernels.heapUsedBytes - start;
    const estimate = estimateDenseMemory({ inputSize: 10, layers, batchSize: 5, optimizerSlots: optimizerSlotCount('adam') });
    expect(estimate.params).toBe(net.countParams());
    // Dropout masks (5 × 7 floats) live in JS memory, not in the heap; each heap block is rounded up to 16 bytes.
    const masks = 5 * 7 * 4;
    const blocks = 4 + 11 + 3 * 2; // parameters and gradients, batch buffers, adam's two slots per parameter
    expect(used).toBeLessThanOrEqual(estimate.totalBytes - masks + blocks * 15);
    expect(used).toBeGreaterThanOrEqual(estimate.totalBytes - masks);
    net.dispose();
    optimizer.dispose();
  });

  it('counts optimizer state as the optimizers allocate it', () => {
    expect([optimizerSlotCount('sgd'), optimizerSlotCount({ name: 'sgd', momentum: 0.9 }), optimizerSlotCount('adam'), optimizerSlotCount('rmsprop')]).toEqual([
      0, 1, 2, 2,
    ]);
  });

  it('refuses a 65536 × 65536 layer in milliseconds, without allocating it, on the process kernel set', () => {
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    let error: unknown;
    try {
      new DenseNetwork({ inputSize: 65536, layers: [{ units: 65536, name: 'huge' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelSizeError);
    const sizeError = error as ModelSizeError;
    expect(sizeError.layer).toBe('Dense "huge"');
    expect(sizeError.layerParams).toBe(65536 * 65536 + 65536);
    expect(sizeError.layerBytes).toBe((65536 * 65536 + 65536) * 4);
    expect(sizeError.limitBytes).toBe(getKernels().memoryLimitBytes);
    expect(sizeError.totalBytes).toBeGreaterThan(2 * sizeError.layerBytes);
    expect(sizeError.message).toMatch(/^Model too large: Dense "huge" has 4295032832 parameters \(17\.2 GB \(17180131328 bytes\)\)/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200e6);
    expect(Date.now() - started).toBeLessThan(5000); // generous: allocating 17 GB would take minutes or crash
  });

  it('refuses a layer that does not fit a kernel set of 50 kB, naming it, and units that are not safe integers', () => {
    const small = { ...jsKernels, memoryLimitBytes: 50e3 };
    expect(() => new DenseNetwork({ inputSize: 300, layers: [{ units: 10 }, { units: 400, name: 'wide' }, { units: 2 }], kernels: small })).toThrow(
      /^Model too large: Dense "wide" has 4400 parameters \(17\.6 kB \(17600 bytes\)\)/,
    );
    expect(() => new DenseNetwork({ inputSize: 500, layers: [{ units: 500 }], kernels: small })).toThrow(/layer 0 has 250500 parameters .*expected at most 50 kB \(50000 bytes\)/);
    expect(() => new DenseNetwork({ inputSize: 4, layers: [{ units: 2 ** 53 }] })).toThrow('layer 0 units must be a positive integer, got 9007199254740992');
    expect(() => new DenseNetwork({ inputSize: 4, layers: [{ units: 1e9 }] })).toThrow(ModelSizeError);
  });

  it('checks a larger batch before growing the batch buffers', () => {
    const net = new DenseNetwork({ inputSize: 100, layers: [{ units: 10 }], kernels: { ...jsKernels, memoryLimitBytes: 1e6 } });
    expect(net.inputBuffer(64).length).toBe(6400);
    expect(() => net.inputBuffer(10_000)).toThrow(/activations of 10000-row batches/);
    expect(() => net.inputBuffer(10_000)).toThrow(ModelSizeError);
    expect(net.inputBuffer(64).length).toBe(6400); // the old buffers are still there
  });

  itWasm('a full wasm heap (shared by every model) names the layer that did not fit', () => {
    const kernels = wasm16!;
    const first = new DenseNetwork({ inputSize: 1000, layers: [{ units: 1000, name: 'first' }], kernels });
    expect(kernels.memoryLimitBytes).toBeGreaterThan(14 * 1024 * 1024);
    expect(kernels.memoryLimitBytes).toBeLessThanOrEqual(16 * 1024 * 1024);
    let error: unknown;
    try {
      new DenseNetwork({ inputSize: 1000, layers: [{ units: 1000, name: 'second' }], kernels });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KernelError);
    expect((error as Error).message).toMatch(/^Dense "second" \(1000x1000 kernel\): wasm kernels: out of memory allocating/);
    first.dispose();
  });

  it('a non-finite loss leaves the weights as they were (no update from NaN gradients)', () => {
    const net = new DenseNetwork({ inputSize: 3, layers: [{ units: 4, activation: 'relu' }, { units: 2 }], seed: 3 });
    const optimizer = createOptimizer({ name: 'sgd', momentum: 0.9 }, net.kernels);
    const x = Float32Array.from([1, 2, 3, -1, 0.5, 2]);
    const good = Float32Array.from([0, 1, 1, 0]);
    expect(Number.isFinite(net.trainStep(x, good, 2, optimizer))).toBe(true);
    const before = net.getWeights();
    const loss = net.trainStep(x, Float32Array.from([0, Number.NaN, 1, 0]), 2, optimizer);
    expect(loss).toBeNaN();
    expect(net.getWeights()).toEqual(before);
    expect(optimizer.iterations).toBe(1);
    net.trainStep(x, good, 2, optimizer);
    expect(net.getWeights()).not.toEqual(before);
    optimizer.dispose();
    net.dispose();
  });
});
