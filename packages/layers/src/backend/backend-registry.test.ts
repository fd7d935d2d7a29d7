import { createOptimizer, layerFromConfig, Matrix, type NamedWeight, SequentialNetwork, UnknownNameError } from '@backprop/core';
import { clearSession, Dense, ModelStateError, SGD, Sequential } from '../index';
import type { Backend, BackendFactory, ModelSpec } from './backend';
import { getBackend, getBackendNames, registerBackend, resolveBackend, setBackend } from './backend-registry';

/**
 * A backend with a factory that loads asynchronously (as tfjs does on first use) and no buffers to lend:
 * core's layers built from the description, so its numbers must equal the scratch backend's.
 */
class LoadingBackend implements Backend {
  readonly name = 'loading-test';
  readonly description = 'loading test backend';
  readonly spec: ModelSpec;
  private readonly network: SequentialNetwork;
  private readonly optimizer;
  constructor(spec: ModelSpec) {
    this.spec = spec;
    this.network = new SequentialNetwork({ inputShape: spec.inputShape, layers: spec.layers.map(layerFromConfig), loss: spec.loss, seed: spec.seed });
    this.network.setNamedWeights(spec.initialWeights);
    this.optimizer = createOptimizer(spec.optimizer, this.network.kernels);
  }
  trainOnBatch(x: Float32Array, y: Float32Array, rows: number) {
    return this.network.trainStep(Float32Array.from(x), Float32Array.from(y), rows, this.optimizer);
  }
  evaluateOnBatch(x: Float32Array, y: Float32Array, rows: number, out: Float32Array) {
    const loss = this.network.evaluateLoss(Float32Array.from(x), Float32Array.from(y), rows);
    out.set(this.network.lastEvaluationOutput().subarray(0, rows * this.network.outputSize));
    return loss;
  }
  predict(x: Float32Array, rows: number, out?: Float32Array) {
    const result = this.network.forward(Float32Array.from(x), rows).slice(0, rows * this.network.outputSize) as Float32Array;
    out?.set(result);
    return out ?? result;
  }
  getWeights(): NamedWeight[] {
    return this.network.getNamedWeights();
  }
  setWeights(weights: readonly NamedWeight[]) {
    this.network.setNamedWeights(weights);
  }
  dispose() {}
}

let loaded = false;
let finishLoading: () => void = () => {};
const loadingDone = new Promise<void>((resolve) => {
  finishLoading = () => {
    loaded = true;
    resolve();
  };
});
const created: LoadingBackend[] = [];
const asyncFactory: BackendFactory = {
  name: 'loading-test',
  priority: 1,
  prepare: () => loadingDone,
  isReady: () => loaded,
  create: (spec) => {
    const backend = new LoadingBackend(spec);
    created.push(backend);
    return backend;
  },
};

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
    expect(getBackendNames()).toContain('loading-test');
    expect(getBackend()).toBe('scratch');
  });

  it('an unknown name is an UnknownNameError listing the registered backends', () => {
    expect(() => setBackend('torch')).toThrow(UnknownNameError);
    expect(() => setBackend('torch')).toThrow('Unknown backend "torch"; expected one of: scratch, loading-test');
    expect(() => model().compile({ loss: 'mse', backend: 'torch' })).toThrow(UnknownNameError);
  });

  it('chooses by compile({ backend }), then setBackend, then BACKPROP_BACKEND', () => {
    const m = model();
    m.compile({ loss: 'mse', backend: 'loading-test' });
    expect(m.backendName).toBe('loading-test');
    setBackend('loading-test');
    m.compile({ loss: 'mse' });
    expect(m.backendName).toBe('loading-test');
    m.compile({ loss: 'mse', backend: 'scratch' });
    expect(m.backendName).toBe('scratch');
    // The environment decides only when nothing was chosen in code; `chosen` is reset through a fresh module.
    jest.isolateModules(() => {
      const fresh = jest.requireActual('./backend-registry') as typeof import('./backend-registry');
      fresh.registerBackend(asyncFactory);
      process.env.BACKPROP_BACKEND = 'loading-test';
      expect(fresh.resolveBackend().name).toBe('loading-test');
      process.env.BACKPROP_BACKEND = 'nope';
      expect(() => fresh.resolveBackend()).toThrow('Unknown backend "nope"; expected one of: scratch, loading-test');
    });
    expect(resolveBackend('scratch').name).toBe('scratch');
  });

  it('before its backend has loaded, a compiled model has its weights at hand; predict asks to await ready() once', async () => {
    const m = model();
    m.compile({ loss: 'mse', backend: 'loading-test' });
    expect(m.getWeights().map((w) => Array.from(w instanceof Matrix ? w.data : w))).toEqual(model().getWeights().map((w) => Array.from(w instanceof Matrix ? w.data : w)));
    expect(() => m.predict(x)).toThrow(new ModelStateError('backend "loading-test" is still loading; await model.ready() once before predict()'));
    finishLoading();
    await m.ready();
    const weights = m.getWeights();
    m.setWeights(weights.map((w) => (w instanceof Matrix ? new Matrix(w.rows, w.cols, w.data.fill(0)) : w.fill(0))));
    expect(Array.from(m.predict(x).data)).toEqual(new Array(20).fill(0.5));
  });

  it('the facade drives a backend without buffers of its own to the same numbers as scratch', async () => {
    await loadingDone;
    const run = async (backend: string) => {
      const m = model();
      m.compile({ loss: 'categorical_crossentropy', optimizer: SGD({ learningRate: 0.3, momentum: 0.5 }), metrics: ['accuracy'], backend });
      const h = await m.fit(x, y, { epochs: 3, batchSize: 4, validationSplit: 0.3, verbose: 0 });
      return { h: h.history, predicted: Array.from(m.predict(x).data), evaluated: await m.evaluate(x, y), weights: m.getWeights() };
    };
    const scratch = await run('scratch');
    const other = await run('loading-test');
    expect(other.h.loss).toEqual(scratch.h.loss);
    expect(other.h.val_loss).toEqual(scratch.h.val_loss);
    expect(other.predicted).toEqual(scratch.predicted);
    expect(other.evaluated).toEqual(scratch.evaluated);
    expect(other.weights).toEqual(scratch.weights);
    // Training metrics: scratch reads its training forward pass, the other backend gets a predict before
    // each step; both see the weights before the update, so the accuracy is the same.
    expect(other.h.accuracy).toEqual(scratch.h.accuracy);
  });

  it('gives every backend the model description with the facade’s initial weights', async () => {
    await loadingDone;
    const m = model();
    m.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'adam', backend: 'loading-test' });
    const spec = created[created.length - 1].spec;
    expect(spec.inputShape).toEqual([3]);
    expect(spec.layers.map((l) => [l.className, l.config.name])).toEqual([
      ['Dense', 'dense'],
      ['Dense', 'dense_1'],
    ]);
    expect(spec.layers[1].config).toEqual(expect.objectContaining({ units: 2, activation: { name: 'softmax', alpha: 0 }, useBias: true }));
    expect(spec.loss).toEqual({ name: 'categoricalCrossentropy' });
    expect(spec.optimizer.name).toBe('adam');
    expect(spec.seed).toBe(9);
    // The flat list in Keras's get_weights() order, named as the weights manifest names them.
    expect(spec.initialWeights.map((w) => [w.name, w.shape, w.trainable])).toEqual([
      ['dense/kernel', [3, 6], true],
      ['dense/bias', [6], true],
      ['dense_1/kernel', [6, 2], true],
      ['dense_1/bias', [2], true],
    ]);
    expect(spec.initialWeights.map((w) => Array.from(w.values))).toEqual(
      model().getWeights().map((w) => Array.from(w instanceof Matrix ? w.data : w)),
    );
  });
});
