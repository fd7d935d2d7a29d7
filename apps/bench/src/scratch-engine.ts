import { createOptimizer, DenseNetwork, loadKernels, Rng } from '@backprop/core';
import type { BenchEngine, BenchModel } from './bench-engine';

/** Our engine with a given kernel set (`wasm` or `js`), trained through `DenseNetwork.trainStep`. */
export function createScratchEngine(kernelSet: 'wasm' | 'js', model: BenchModel): BenchEngine {
  const kernels = loadKernels(kernelSet);
  const { layers, batchSize } = model;
  const network = new DenseNetwork({
    inputSize: layers[0],
    layers: layers.slice(1).map((units, i) => ({
      units,
      activation: i === layers.length - 2 ? 'softmax' : model.activation,
    })),
    loss: 'categoricalCrossentropy',
    kernels,
    seed: model.seed,
  });
  const optimizer = createOptimizer({ name: 'sgd', learningRate: model.learningRate }, kernels);
  const rng = new Rng(model.seed);
  const classes = layers[layers.length - 1];
  // Random pixels and labels of MNIST's shape, written straight into the network's own buffers.
  const maxRows = Math.max(batchSize, 1000);
  const x = network.inputBuffer(maxRows);
  for (let i = 0; i < maxRows * layers[0]; i++) x[i] = rng.uniform();
  const y = network.targetBuffer(maxRows);
  for (let r = 0; r < batchSize; r++) y[r * classes + rng.int(classes)] = 1;
  return {
    name: `scratch-${kernelSet}`,
    description: `scratch (${kernels.name} kernels)`,
    trainStep: () => network.trainStep(x, y, batchSize, optimizer),
    infer: (rows) => network.forward(x, rows),
    dispose: () => {
      optimizer.dispose();
      network.dispose();
    },
  };
}
