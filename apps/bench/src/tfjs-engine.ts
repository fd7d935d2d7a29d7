import type { BenchData, BenchEngine, BenchModel } from './bench-engine';

/**
 * A TensorFlow.js engine through `@backprop/tfjs-adapter` — the same backend the facade trains with —
 * on one named tfjs backend (`tfjs-wasm`, `tfjs-cpu`, `tfjs-node`). Forcing a backend that is not
 * installed throws, and the caller reports the engine as skipped.
 */
export async function createTfjsEngine(name: string, model: BenchModel, data: BenchData): Promise<BenchEngine> {
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
  let step = 0;
  const trainStep = () => {
    const batch = data.batches[step++ % data.batches.length];
    return tfjs.trainOnBatch(batch.x, batch.y, batchSize);
  };
  return {
    name,
    description: adapter.describeTfjs(info),
    trainStep,
    infer: (n) => tfjs.predict(data.inference.subarray(0, n * layers[0]), n),
    dispose: () => tfjs.dispose(),
  };
}
