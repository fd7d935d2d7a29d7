import { createOptimizer, DenseNetwork, jsKernels, optimizerSpec } from '@backprop/core';
import type { ModelSpec } from './backend';
import { ScratchBackend } from './scratch-backend';

const spec: ModelSpec = {
  inputShape: [3],
  layers: [
    { className: 'Dense', config: { name: 'dense', units: 5, activation: 'relu' } },
    { className: 'Dense', config: { name: 'dense_1', units: 2, activation: 'softmax', useBias: false } },
  ],
  loss: { name: 'categoricalCrossentropy' },
  optimizer: optimizerSpec({ name: 'adam', learningRate: 0.01 }),
  initialWeights: [
    { name: 'dense/kernel', shape: [3, 5], values: Float32Array.from({ length: 15 }, (_, i) => Math.cos(i) / 2), trainable: true },
    { name: 'dense/bias', shape: [5], values: Float32Array.from({ length: 5 }, (_, i) => i / 10), trainable: true },
    { name: 'dense_1/kernel', shape: [5, 2], values: Float32Array.from({ length: 10 }, (_, i) => Math.sin(i) / 2), trainable: true },
  ],
  seed: 4,
};

describe('ScratchBackend', () => {
  it('starts from the spec’s weights and trains exactly as DenseNetwork + createOptimizer', () => {
    const backend = new ScratchBackend(spec);
    const reference = new DenseNetwork({
      inputSize: 3,
      layers: [
        { units: 5, activation: 'relu' },
        { units: 2, activation: 'softmax', useBias: false },
      ],
      loss: spec.loss,
      kernels: jsKernels,
    });
    const [k0, b0, k1] = spec.initialWeights.map((w) => w.values);
    reference.setWeights([
      { kernel: k0, bias: b0 },
      { kernel: k1, bias: null },
    ]);
    const optimizer = createOptimizer(spec.optimizer, jsKernels);
    expect(backend.getWeights()).toEqual(spec.initialWeights);
    const x = Float32Array.from({ length: 12 }, (_, i) => (i % 5) - 2);
    const y = Float32Array.from([1, 0, 0, 1, 1, 0, 0, 1]);
    for (let step = 0; step < 3; step++) {
      // Through the backend's own buffers, as the facade feeds it.
      backend.inputBuffer(4).set(x);
      backend.targetBuffer(4).set(y);
      const loss = backend.trainOnBatch(backend.inputBuffer(4).subarray(0, 12), backend.targetBuffer(4).subarray(0, 8), 4);
      expect(loss).toBeCloseTo(reference.trainStep(x, y, 4, optimizer), 5);
      expect(Array.from(backend.lastTrainOutputs(4))).toEqual(Array.from(reference.layerOutput(1).subarray(0, 8)).map((v) => expect.closeTo(v, 5)));
    }
    const out = new Float32Array(8);
    expect(backend.predict(x, 4, out)).toBe(out);
    Array.from(reference.forward(x, 4).subarray(0, 8)).forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
    expect(backend.predict(x, 4)).not.toBe(backend.predict(x, 4));
    expect(backend.description).toMatch(/^scratch \((js|wasm) kernels\)$/);
    backend.dispose();
  });

  it('drops with the masks the facade supplies, and without them draws its own from the seed', () => {
    const dropSpec: ModelSpec = {
      ...spec,
      layers: [{ className: 'Dropout', config: { name: 'dropout', rate: 0.5 } }, ...spec.layers],
      optimizer: optimizerSpec({ name: 'sgd', learningRate: 0.1 }),
    };
    const x = Float32Array.from({ length: 6 }, (_, i) => i + 1);
    const y = Float32Array.from([1, 0, 0, 1]);
    // A mask that keeps only the first input of each row: the first layer's kernel then moves only in row 0.
    const mask = Float32Array.from([2, 0, 0, 2, 0, 0]);
    const backend = new ScratchBackend(dropSpec);
    backend.trainOnBatch(x, y, 2, [mask]);
    const kernel = backend.getWeights()[0].values;
    const start = spec.initialWeights[0].values;
    expect(Array.from(kernel.subarray(0, 5))).not.toEqual(Array.from(start.subarray(0, 5)));
    expect(Array.from(kernel.subarray(5))).toEqual(Array.from(start.subarray(5)));
    expect(() => backend.trainOnBatch(x, y, 2, [mask.subarray(0, 4)])).toThrow('Dropout "dropout" needs a mask of 6 values, got 4');
    backend.dispose();
  });

  it.each([
    ['softmax + categorical cross-entropy (the fused kernel)', spec.layers, { name: 'categoricalCrossentropy' as const }],
    ['a linear output with mse', [spec.layers[0], { className: 'Dense' as const, config: { name: 'dense_1', units: 2, useBias: false } }], { name: 'mse' as const }],
  ])('evaluateOnBatch returns the loss trainOnBatch computes on the same batch and weights: %s', (_, layers, loss) => {
    const backend = new ScratchBackend({ ...spec, layers, loss });
    const x = Float32Array.from({ length: 12 }, (_, i) => Math.sin(i) * 2);
    const y = Float32Array.from([1, 0, 0, 1, 1, 0, 0, 1]);
    const out = new Float32Array(8);
    const evaluated = backend.evaluateOnBatch(x, y, 4, out);
    expect(Array.from(out)).toEqual(Array.from(backend.predict(x, 4)));
    // trainOnBatch reports the loss before its update, on the weights evaluateOnBatch saw. The same code
    // path, so the very same number.
    expect(backend.trainOnBatch(x, y, 4)).toBe(evaluated);
    expect(backend.evaluateOnBatch(x, y, 4, out)).toBeLessThan(evaluated);
    backend.dispose();
  });

  it('setWeights replaces every layer, and checks names, shapes and count before writing anything', () => {
    const backend = new ScratchBackend(spec);
    const zeros = spec.initialWeights.map((w) => ({ ...w, values: new Float32Array(w.values.length) }));
    expect(() => backend.setWeights(zeros.slice(1))).toThrow('setWeights expects 3 weights (dense/kernel, dense/bias, dense_1/kernel), got 2');
    expect(() => backend.setWeights([zeros[0], zeros[1], { ...zeros[2], name: 'dense_2/kernel' }])).toThrow('setWeights weight 2 must be "dense_1/kernel", got "dense_2/kernel"');
    expect(() => backend.setWeights([zeros[0], zeros[1], { ...zeros[2], shape: [2, 5] }])).toThrow('setWeights weight "dense_1/kernel" expects shape [5, 2], got [2, 5]');
    expect(backend.getWeights()).toEqual(spec.initialWeights);
    backend.setWeights(zeros);
    expect(Array.from(backend.predict(Float32Array.of(1, 2, 3), 1))).toEqual([0.5, 0.5]);
  });
});
