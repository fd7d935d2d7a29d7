import { createOptimizer, DenseNetwork, jsKernels, optimizerSpec } from '@backprop/core';
import type { ModelSpec } from './backend';
import { ScratchBackend } from './scratch-backend';

const spec: ModelSpec = {
  inputSize: 3,
  layers: [
    { name: 'dense', units: 5, activation: { name: 'relu', alpha: 0 }, useBias: true, dropoutRate: 0 },
    { name: 'dense_1', units: 2, activation: { name: 'softmax', alpha: 0 }, useBias: false, dropoutRate: 0 },
  ],
  loss: { name: 'categoricalCrossentropy' },
  optimizer: optimizerSpec({ name: 'adam', learningRate: 0.01 }),
  initialWeights: [
    { kernel: Float32Array.from({ length: 15 }, (_, i) => Math.cos(i) / 2), bias: Float32Array.from({ length: 5 }, (_, i) => i / 10) },
    { kernel: Float32Array.from({ length: 10 }, (_, i) => Math.sin(i) / 2), bias: null },
  ],
  seed: 4,
};

describe('ScratchBackend', () => {
  it('starts from the spec’s weights and trains exactly as DenseNetwork + createOptimizer', () => {
    const backend = new ScratchBackend(spec);
    const reference = new DenseNetwork({ inputSize: 3, layers: spec.layers.map(({ units, activation, useBias, dropoutRate }) => ({ units, activation, useBias, dropoutRate })), loss: spec.loss, kernels: jsKernels });
    reference.setWeights(spec.initialWeights);
    const optimizer = createOptimizer(spec.optimizer, jsKernels);
    expect(backend.getWeights()).toEqual(reference.getWeights());
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

  it('setWeights replaces every layer', () => {
    const backend = new ScratchBackend(spec);
    const zeros = spec.initialWeights.map((w) => ({ kernel: new Float32Array(w.kernel.length), bias: w.bias ? new Float32Array(w.bias.length) : null }));
    backend.setWeights(zeros);
    expect(Array.from(backend.predict(Float32Array.of(1, 2, 3), 1))).toEqual([0.5, 0.5]);
  });
});
