import { createOptimizer, DenseNetwork, type LayerWeights, Matrix, UnknownNameError } from '@backprop/core';
import { clearSession, Dense, ModelStateError, SGD, Sequential } from '../index';
import type { Backend, BackendFactory, ModelSpec } from './backend';
import { getBackend, getBackendNames, registerBackend, resolveBackend, setBackend } from './backend-registry';

/**
 * A backend that answers asynchronously and keeps no buffers to lend, as a tfjs backend might: it wraps
 * a DenseNetwork, so its numbers must equal the scratch backend's.
 */
class AsyncBackend implements Backend {
  readonly name = 'async-test';
  readonly description = 'async test backend';
  readonly specs: ModelSpec[] = [];
  private readonly network: DenseNetwork;
  private readonly optimizer;
  constructor(spec: ModelSpec) {
    this.specs.push(spec);
    this.network = new DenseNetwork({ inputSize: spec.inputSize, layers: spec.layers.map(({ units, activation, useBias, dropoutRate }) => ({ units, activation, useBias, dropoutRate })), loss: spec.loss, seed: spec.seed });
    this.network.setWeights(spec.initialWeights);
    this.optimizer = createOptimizer(spec.optimizer, this.network.kernels);
  }
  async trainOnBatch(x: Float32Array, y: Float32Array, rows: number) {
    return this.network.trainStep(Float32Array.from(x), Float32Array.from(y), rows, this.optimizer);
  }
  async predict(x: Float32Array, rows: number, out?: Float32Array) {
    const result = this.network.forward(Float32Array.from(x), rows).slice(0, rows * this.network.outputSize) as Float32Array;
    out?.set(result);
    return out ?? result;
  }
  async getWeights(): Promise<LayerWeights[]> {
    return this.network.getWeights();
  }
  async setWeights(weights: readonly LayerWeights[]) {
    this.network.setWeights(weights);
  }
  dispose() {}
}

const asyncFactory: BackendFactory = { name: 'async-test', priority: 1, create: async (spec) => new AsyncBackend(spec) };

function model(): Sequential {
  return new Sequential({ seed: 9, layers: [Dense(6, { inputShape: [3], activation: 'sigmoid' }), Dense(2, { activation: 'softmax' })] });
}

const x = new Matrix(10, 3, Float32Array.from({ length: 30 }, (_, i) => Math.sin(i)));
const y = new Matrix(10, 2, Float32Array.from({ length: 20 }, (_, i) => (i % 2 === Math.floor(i / 2) % 2 ? 1 : 0)));

describe('backend registry', () => {
  const env = process.env.BACKPROP_BACKEND;
  beforeAll(() => registerBackend(asyncFactory));
  beforeEach(() => clearSession());
  afterEach(() => {
    if (env === undefined) delete process.env.BACKPROP_BACKEND;
    else process.env.BACKPROP_BACKEND = env;
    setBackend('scratch');
  });

  it('scratch is registered and is the default (highest priority)', () => {
    delete process.env.BACKPROP_BACKEND;
    expect(getBackendNames()[0]).toBe('scratch');
    expect(getBackendNames()).toContain('async-test');
    expect(getBackend()).toBe('scratch');
  });

  it('an unknown name is an UnknownNameError listing the registered backends', () => {
    expect(() => setBackend('torch')).toThrow(UnknownNameError);
    expect(() => setBackend('torch')).toThrow('Unknown backend "torch"; expected one of: scratch, async-test');
    expect(() => model().compile({ loss: 'mse', backend: 'torch' })).toThrow(UnknownNameError);
  });

  it('chooses by compile({ backend }), then setBackend, then BACKPROP_BACKEND', () => {
    const m = model();
    m.compile({ loss: 'mse', backend: 'async-test' });
    expect(m.backendName).toBe('async-test');
    setBackend('async-test');
    m.compile({ loss: 'mse' });
    expect(m.backendName).toBe('async-test');
    m.compile({ loss: 'mse', backend: 'scratch' });
    expect(m.backendName).toBe('scratch');
    // The environment decides only when nothing was chosen in code; `chosen` is reset through a fresh module.
    jest.isolateModules(() => {
      const fresh = jest.requireActual('./backend-registry') as typeof import('./backend-registry');
      fresh.registerBackend(asyncFactory);
      process.env.BACKPROP_BACKEND = 'async-test';
      expect(fresh.resolveBackend().name).toBe('async-test');
      process.env.BACKPROP_BACKEND = 'nope';
      expect(() => fresh.resolveBackend()).toThrow('Unknown backend "nope"; expected one of: scratch, async-test');
    });
    expect(resolveBackend('scratch').name).toBe('scratch');
  });

  it('the facade drives an asynchronous backend to the same numbers as scratch', async () => {
    const run = async (backend: string) => {
      const m = model();
      m.compile({ loss: 'categorical_crossentropy', optimizer: SGD({ learningRate: 0.3, momentum: 0.5 }), metrics: ['accuracy'], backend });
      const h = await m.fit(x, y, { epochs: 3, batchSize: 4, validationSplit: 0.3, verbose: 0 });
      return { h: h.history, predicted: Array.from((await m.predictAsync(x)).data), evaluated: await m.evaluate(x, y), weights: await m.getWeightsAsync() };
    };
    const scratch = await run('scratch');
    const other = await run('async-test');
    expect(other.h.loss).toEqual(scratch.h.loss);
    expect(other.h.val_loss).toEqual(scratch.h.val_loss);
    expect(other.predicted).toEqual(scratch.predicted);
    expect(other.evaluated).toEqual(scratch.evaluated);
    expect(other.weights).toEqual(scratch.weights);
    // Training metrics: scratch reads its training forward pass, the async backend gets a predict before
    // each step; both see the weights before the update, so the accuracy is the same.
    expect(other.h.accuracy).toEqual(scratch.h.accuracy);
  });

  it('synchronous calls on an asynchronous backend point to the async variants', async () => {
    const m = model();
    m.compile({ loss: 'mse', backend: 'async-test' });
    expect(() => m.predict(x)).toThrow(ModelStateError);
    await m.ready();
    expect(() => m.predict(x)).toThrow('use await model.predictAsync(x) instead of model.predict(x)');
    expect(() => m.getWeights()).toThrow('use await model.getWeightsAsync()');
    const weights = await m.getWeightsAsync();
    await m.setWeightsAsync(weights.map((w) => (w instanceof Matrix ? new Matrix(w.rows, w.cols, w.data.fill(0)) : w.fill(0))));
    expect(Array.from((await m.predictAsync(x)).data)).toEqual(new Array(20).fill(0.5));
  });

  it('gives every backend the model spec with the facade’s initial weights', async () => {
    const m = model();
    m.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'adam', backend: 'async-test' });
    await m.ready();
    const backend = (m as unknown as { handle: { current(): AsyncBackend } }).handle.current();
    const spec = backend.specs[0];
    expect(spec.inputSize).toBe(3);
    expect(spec.layers.map((l) => [l.name, l.units, l.activation.name, l.useBias, l.dropoutRate])).toEqual([
      ['dense', 6, 'sigmoid', true, 0],
      ['dense_1', 2, 'softmax', true, 0],
    ]);
    expect(spec.loss).toEqual({ name: 'categoricalCrossentropy' });
    expect(spec.optimizer.name).toBe('adam');
    expect(spec.seed).toBe(9);
    expect(spec.initialWeights.flatMap((w) => [Array.from(w.kernel), Array.from(w.bias ?? [])])).toEqual(
      model().getWeights().map((w) => Array.from(w instanceof Matrix ? w.data : w)),
    );
  });
});
