import { getKernels, Matrix, ModelSizeError } from '@backprop/core';
import { registerBackend } from '../backend/backend-registry';
import { ScratchBackend } from '../backend/scratch-backend';
import { Adam, Dense, SGD, Sequential } from '../index';
import { clearSession } from '../layers/layer-names';

// A model is measured from its shapes before weights are drawn or a backend is created.

/** The error `run` throws (the test fails if it returns). */
function thrown(run: () => unknown): ModelSizeError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelSizeError);
    return error as ModelSizeError;
  }
  throw new Error('expected a ModelSizeError, nothing was thrown');
}

describe('model memory', () => {
  beforeEach(() => clearSession());

  it('Dense(65536, { inputShape: [65536] }) is refused at compile in milliseconds, without allocating its 17 GB', () => {
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const model = new Sequential([Dense(65536, { inputShape: [65536] })]);
    const error = thrown(() => model.compile({ loss: 'mse', optimizer: 'sgd' }));
    expect(error.layer).toBe('Dense "dense"');
    expect(error.layerParams).toBe(65536 * 65536 + 65536);
    expect(error.layerBytes).toBe(4 * (65536 * 65536 + 65536));
    expect(error.limitBytes).toBe(getKernels().memoryLimitBytes);
    expect(error.message).toMatch(/^Model too large: Dense "dense" has 4295032832 parameters \(17\.2 GB \(17180131328 bytes\)\); the model needs 34\.4 GB/);
    // getWeights and predict on the uncompiled model would draw the weights: refused the same way.
    expect(() => model.getWeights()).toThrow(ModelSizeError);
    expect(() => model.predict(new Matrix(1, 65536))).toThrow(ModelSizeError);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200e6);
    expect(Date.now() - started).toBeLessThan(5000); // generous: drawing 4·10⁹ weights takes minutes, if it does not crash
  });

  it('Dense(1e9) is a ModelSizeError naming the layer, not a RangeError', () => {
    const model = new Sequential([Dense(4, { inputShape: [3] }), Dense(1e9, { name: 'wide' })]);
    const error = thrown(() => model.compile({ loss: 'mse' }));
    expect(error.message).toMatch(/^Model too large: Dense "wide" has 5000000000 parameters/);
  });

  it('counts optimizer state and, at fit, the activations of the actual batch size', async () => {
    // A scratch backend that may use 1.9 MB: small enough to reach with a test-sized model.
    registerBackend({
      name: 'scratch-2mb',
      priority: -1,
      create: (spec) => new ScratchBackend(spec),
      memoryLimit: () => ({ bytes: 1.9e6, what: 'a 1.9 MB test backend' }),
    });
    // 1000·100 + 100 + 101·10 = 101,110 parameters: 404 kB of weights, as much again of gradients.
    const model = new Sequential([Dense(100, { inputShape: [1000], activation: 'relu' }), Dense(10)]);
    model.compile({ loss: 'mse', optimizer: SGD(0.01), backend: 'scratch-2mb' });
    // Adam's two slots per parameter double it again: 1.62 MB, plus 32 rows of activations (9,800 bytes a row: input,
    // target, each Dense's z, y, ∂z and ∂input, the loss gradient) exceed 1.9 MB.
    expect(() => model.compile({ loss: 'mse', optimizer: Adam(), backend: 'scratch-2mb' })).toThrow(
      /^Model too large: Dense "dense" has 100100 parameters \(400 kB \(400400 bytes\)\); the model needs 1\.93 MB \(1931360 bytes\) \(weights 0\.40 MB, gradients 0\.40 MB, optimizer state 0\.81 MB, activations of 32-row batches 0\.31 MB; limit: a 1\.9 MB test backend\), expected at most 1\.9 MB/,
    );
    const x = new Matrix(512, 1000);
    const y = new Matrix(512, 10);
    await model.fit(x, y, { batchSize: 64, verbose: 0 }); // 64 rows: 0.63 MB of activations
    const rss = process.memoryUsage().rss;
    await expect(model.fit(x, y, { batchSize: 512, verbose: 0 })).rejects.toThrow(/activations of 512-row batches 5\.018 MB/);
    // A batch size beyond the data runs as many rows as there are: 64 samples need 64-row buffers only.
    await model.fit(x.sliceRows(0, 64), y.sliceRows(0, 64), { batchSize: 100_000, verbose: 0 });
    expect(process.memoryUsage().rss - rss).toBeLessThan(200e6);
  });
});
