import {
  createOptimizer,
  getKernels,
  kernelsMemoryName,
  type LayerWeights,
  layerFromConfig,
  type MaskSource,
  type Optimizer,
  Rng,
  rngMaskSource,
  SequentialNetwork,
  ShapeError,
} from '@backprop/core';
import type { Backend, BackendFactory, DropoutMasks, ModelSpec } from './backend';

/**
 * The from-scratch engine as a backend: core's layers, built from the model description's configs, in a
 * `SequentialNetwork`, plus `createOptimizer`, on whichever kernel set core selected (wasm SIMD where it
 * loads, else the js reference). It hands the facade its network's own input and target buffers, so a
 * batch is written once, straight where the kernels read it.
 */
export class ScratchBackend implements Backend {
  readonly name = 'scratch';
  readonly description: string;
  private readonly network: SequentialNetwork;
  private readonly optimizer: Optimizer;
  /** This batch's masks from the facade, by Dropout layer name; null to draw from the seed. */
  private masks: DropoutMasks | null = null;
  private readonly dropoutIndex = new Map<string, number>();

  constructor(spec: ModelSpec) {
    spec.layers.forEach((l) => {
      if (l.className === 'Dropout') this.dropoutIndex.set(l.config.name ?? '', this.dropoutIndex.size);
    });
    const own = rngMaskSource(new Rng(spec.seed));
    const masks: MaskSource = {
      fill: (mask, rate, count, layer) => {
        if (!this.masks) return own.fill(mask, rate, count, layer);
        const given = this.masks[this.dropoutIndex.get(layer) ?? -1];
        if (!given || given.length < count) {
          throw new ShapeError(`Dropout "${layer}" needs a mask of ${count} values, got ${given ? given.length : 'none'}`);
        }
        mask.set(given.subarray(0, count));
      },
    };
    this.network = new SequentialNetwork({
      inputShape: spec.inputShape,
      layers: spec.layers.map(layerFromConfig),
      loss: spec.loss,
      seed: spec.seed,
      masks,
    });
    // The facade drew the initial weights; the network's own draw is overwritten.
    this.network.setLayerWeights(spec.initialWeights);
    this.optimizer = createOptimizer(spec.optimizer, this.network.kernels);
    this.description = `scratch (${this.network.kernels.name} kernels)`;
  }

  trainOnBatch(x: Float32Array, y: Float32Array, rows: number, masks?: DropoutMasks, sampleWeights?: Float32Array): number {
    this.masks = masks ?? null;
    try {
      return this.network.trainStep(x, y, rows, this.optimizer, sampleWeights);
    } finally {
      this.masks = null;
    }
  }

  evaluateOnBatch(x: Float32Array, y: Float32Array, rows: number, out: Float32Array, sampleWeights?: Float32Array): number {
    // The network's own evaluateLoss: the fused softmax + cross-entropy kernel wherever training uses it.
    const loss = this.network.evaluateLoss(x, y, rows, sampleWeights);
    out.set(this.network.lastEvaluationOutput().subarray(0, rows * this.network.outputSize));
    return loss;
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
    return this.network.lastTrainingOutput().subarray(0, rows * this.network.outputSize) as Float32Array;
  }

  getLearningRate(): number {
    return this.optimizer.learningRate;
  }

  setLearningRate(value: number): void {
    this.optimizer.learningRate = value;
  }

  optimizerIterations(): number {
    return this.optimizer.iterations;
  }

  getWeights(): LayerWeights[] {
    return this.network.getLayerWeights() as LayerWeights[];
  }

  setWeights(weights: readonly LayerWeights[]): void {
    this.network.setLayerWeights(weights);
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
