import { Rng } from '@backprop/core';
import type { BenchEngine, BenchModel } from './bench-engine';

/**
 * A TensorFlow.js engine through `@backprop/tfjs-adapter` — the same backend the facade trains with —
 * on one named tfjs backend (`tfjs-wasm`, `tfjs-cpu`, `tfjs-node`). Forcing a backend that is not
 * installed throws, and the caller reports the engine as skipped.
 */
export async function createTfjsEngine(name: string, model: BenchModel): Promise<BenchEngine> {
  const adapter = await import('@backprop/tfjs-adapter');
  const backend = name.replace(/^tfjs-/, '') as 'wasm' | 'cpu' | 'node';
  const info = await adapter.initTfjs({ backend, warn: () => {} });
  const { layers, batchSize } = model;
  const spec = adapter.createModelSpec({
    inputSize: layers[0],
    layers: layers.slice(1).map((units, i) => ({ units, activation: i === layers.length - 2 ? 'softmax' : model.activation })),
    loss: 'categoricalCrossentropy',
    optimizer: { name: 'sgd', learningRate: model.learningRate },
    seed: model.seed,
  });
  const tfjs = await adapter.tfjsBackendFactory.create(spec);
  const rng = new Rng(model.seed);
  const classes = layers[layers.length - 1];
  const rows = Math.max(batchSize, 1000);
  const x = Float32Array.from({ length: rows * layers[0] }, () => rng.uniform());
  const y = new Float32Array(batchSize * classes);
  for (let r = 0; r < batchSize; r++) y[r * classes + rng.int(classes)] = 1;
  const batchX = x.subarray(0, batchSize * layers[0]);
  return {
    name,
    description: adapter.describeTfjs(info),
    trainStep: () => tfjs.trainOnBatch(batchX, y, batchSize),
    infer: (n) => tfjs.predict(x.subarray(0, n * layers[0]), n),
    dispose: () => tfjs.dispose(),
  };
}
