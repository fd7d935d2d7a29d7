import { createOptimizer, describeKernels, jsKernels, type Kernels, layerFromConfig, loadKernels, optimizerSpec, SequentialNetwork } from '@backprop/core';
import type { BenchData, BenchEngine, BenchModel } from './bench-engine';
import { CNN_INPUT_SHAPE, CNN_LAYERS } from './cnn-model';

/** The CNN on our engine with a given kernel set, trained through `SequentialNetwork.trainStep` (no facade in between, as for the MLP). */
export function createScratchCnnEngine(kernelSet: 'wasm' | 'js', model: BenchModel, data: BenchData, kernels: Kernels = loadKernels(kernelSet)): BenchEngine {
  const { batchSize } = model;
  const network = new SequentialNetwork({
    inputShape: CNN_INPUT_SHAPE,
    layers: CNN_LAYERS.map(layerFromConfig),
    loss: 'categoricalCrossentropy',
    kernels,
    seed: model.seed,
  });
  const optimizer = createOptimizer({ name: 'sgd', learningRate: model.learningRate }, kernels);
  const x = network.inputBuffer(Math.max(batchSize, 1000));
  const y = network.targetBuffer(batchSize);
  let step = 0;
  return {
    name: `scratch-${kernelSet}`,
    description: `scratch (${describeKernels(kernels)})`,
    trainStep: () => {
      const batch = data.batches[step++ % data.batches.length];
      x.set(batch.x);
      y.set(batch.y);
      return network.trainStep(x, y, batchSize, optimizer);
    },
    infer: (rows) => {
      x.set(data.inference.subarray(0, rows * 784));
      return network.forward(x, rows);
    },
    dispose: () => {
      optimizer.dispose();
      network.dispose();
    },
  };
}

/**
 * The CNN on TensorFlow.js through the adapter's backend (tf.layers.conv2d …), from the same model
 * description and the same initial weights (core draws them from the seed, as the facade does).
 */
export async function createTfjsCnnEngine(name: string, model: BenchModel, data: BenchData): Promise<BenchEngine> {
  const adapter = await import('@backprop/tfjs-adapter');
  const backend = name.replace(/^tfjs-/, '') as 'wasm' | 'cpu' | 'node';
  const info = await adapter.initTfjs({ backend, warn: () => {} });
  const drawn = new SequentialNetwork({ inputShape: CNN_INPUT_SHAPE, layers: CNN_LAYERS.map(layerFromConfig), kernels: jsKernels, seed: model.seed });
  const initialWeights = drawn.getLayerWeights().map((w) => ({ kernel: Float32Array.from(w.kernel), bias: w.bias ? Float32Array.from(w.bias) : null }));
  drawn.dispose();
  const tfjs = await adapter.tfjsBackendFactory.create({
    inputShape: CNN_INPUT_SHAPE,
    layers: CNN_LAYERS,
    loss: { name: 'categoricalCrossentropy' },
    optimizer: optimizerSpec({ name: 'sgd', learningRate: model.learningRate }),
    initialWeights,
    seed: model.seed,
  });
  let step = 0;
  return {
    name,
    description: adapter.describeTfjs(info),
    trainStep: () => {
      const batch = data.batches[step++ % data.batches.length];
      return tfjs.trainOnBatch(batch.x, batch.y, model.batchSize);
    },
    infer: (n) => tfjs.predict(data.inference.subarray(0, n * 784), n),
    dispose: () => tfjs.dispose(),
  };
}
