import { createOptimizer, DenseNetwork, getKernels, kernelsMemoryName, type LayerWeights, type Optimizer } from '@backprop/core';
import type { Backend, BackendFactory, ModelSpec } from './backend';

/**
 * The from-scratch engine as a backend: core's `DenseNetwork` plus `createOptimizer`, on whichever
 * kernel set core selected (wasm SIMD where it loads, else the js reference). It hands the facade its
 * network's own input and target buffers, so a batch is written once, straight where the kernels read it.
 */
export class ScratchBackend implements Backend {
  readonly name = 'scratch';
  readonly description: string;
  private readonly network: DenseNetwork;
  private readonly optimizer: Optimizer;

  constructor(spec: ModelSpec) {
    this.network = new DenseNetwork({
      inputSize: spec.inputSize,
      layers: spec.layers.map((l) => ({
        name: l.name,
        units: l.units,
        activation: l.activation,
        useBias: l.useBias,
        dropoutRate: l.dropoutRate,
      })),
      loss: spec.loss,
      seed: spec.seed,
    });
    // The facade drew the initial weights; the network's own draw is overwritten.
    this.network.setWeights(spec.initialWeights);
    this.optimizer = createOptimizer(spec.optimizer, this.network.kernels);
    this.description = `scratch (${this.network.kernels.name} kernels)`;
  }

  trainOnBatch(x: Float32Array, y: Float32Array, rows: number): number {
    return this.network.trainStep(x, y, rows, this.optimizer);
  }

  predict(x: Float32Array, rows: number, out?: Float32Array): Float32Array {
    const n = rows * this.network.outputSize;
    const result = this.network.forward(x, rows).subarray(0, n) as Float32Array;
    if (!out) return result.slice();
    out.set(result);
    return out;
  }

  inputBuffer(rows: number): Float32Array {
    return this.network.inputBuffer(rows) as Float32Array;
  }

  targetBuffer(rows: number): Float32Array {
    return this.network.targetBuffer(rows) as Float32Array;
  }

  lastTrainOutputs(rows: number): Float32Array {
    const last = this.network.layers.length - 1;
    return this.network.layerOutput(last).subarray(0, rows * this.network.outputSize) as Float32Array;
  }

  getWeights(): LayerWeights[] {
    return this.network.getWeights();
  }

  setWeights(weights: readonly LayerWeights[]): void {
    this.network.setWeights(weights);
  }

  dispose(): void {
    this.optimizer.dispose();
    this.network.dispose();
  }
}

/** Registered by default with the highest priority, so `scratch` is the default backend. */
export const scratchBackendFactory: BackendFactory = {
  name: 'scratch',
  priority: 100,
  create: (spec) => new ScratchBackend(spec),
  memoryLimit: () => {
    const kernels = getKernels();
    return { bytes: kernels.memoryLimitBytes, what: kernelsMemoryName(kernels) };
  },
};
