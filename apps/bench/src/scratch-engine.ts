import { createOptimizer, DenseNetwork, describeKernels, type Kernels, loadKernels } from '@backprop/core';
import type { BenchData, BenchEngine, BenchModel } from './bench-engine';

/**
 * Our engine with a given kernel set (`wasm` or `js`), trained through `DenseNetwork.trainStep`.
 * `kernels` overrides the loaded set (the profiler passes a timing wrapper).
 */
export function createScratchEngine(kernelSet: 'wasm' | 'js', model: BenchModel, data: BenchData, kernels: Kernels = loadKernels(kernelSet)): BenchEngine {
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
  // Each step copies its batch into the network's own input buffers, as the facade's training loop does.
  const x = network.inputBuffer(Math.max(batchSize, 1000));
  const y = network.targetBuffer(batchSize);
  let step = 0;
  const trainStep = () => {
    const batch = data.batches[step++ % data.batches.length];
    x.set(batch.x);
    y.set(batch.y);
    return network.trainStep(x, y, batchSize, optimizer);
  };
  const infer = (rows: number) => {
    x.set(data.inference.subarray(0, rows * layers[0]));
    return network.forward(x, rows);
  };
  return {
    name: `scratch-${kernelSet}`,
    description: `scratch (${describeKernels(kernels)})`,
    trainStep,
    infer,
    dispose: () => {
      optimizer.dispose();
      network.dispose();
    },
  };
}
