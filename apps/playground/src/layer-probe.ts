import { type ActivationOption, confusionMatrix, DenseLayer, type FloatArray, SequentialNetwork } from '@backprop/core';
import type { PortableWeight } from '@backprop/layers';

/** What one Dense layer looks like at the end of an epoch. */
export interface LayerView {
  readonly name: string;
  readonly inputs: number;
  readonly units: number;
  /** inputs × units, row-major. */
  readonly kernel: Float32Array;
  /** ∂loss/∂kernel on the probe batch, inputs × units. */
  readonly kernelGradient: Float32Array;
  /** The layer's outputs for the probe rows: rows × units. */
  readonly activations: Float32Array;
}

export interface ProbeResult {
  readonly layers: LayerView[];
  /** Loss of the probe batch under these weights. */
  readonly probeLoss: number;
}

/**
 * A copy of the model on the page's thread (core's SequentialNetwork, the engine the worker trains with):
 * given the weights the worker posts after an epoch, it runs the probe rows forward and backward to
 * show each layer's activations and gradients, and predicts the test rows for accuracy and the
 * confusion matrix. The worker keeps training meanwhile; this costs one small batch per epoch here.
 */
export class LayerProbe {
  private readonly network: SequentialNetwork;
  private readonly dense: DenseLayer[];

  constructor(
    inputSize: number,
    layers: readonly { units: number; activation: ActivationOption }[],
    loss: string,
    private readonly probe: { x: Float32Array; y: Float32Array; rows: number },
  ) {
    this.dense = layers.map((layer, i) => new DenseLayer({ name: `dense_${i + 1}`, units: layer.units, activation: layer.activation }));
    this.network = new SequentialNetwork({ inputShape: [inputSize], layers: this.dense, loss });
  }

  /** Load `weights` (getWeights order: kernel, bias per layer) and look at every layer. */
  look(weights: readonly PortableWeight[]): ProbeResult {
    this.network.setWeights(weights.map((w) => w.values));
    const { x, y, rows } = this.probe;
    const probeLoss = this.network.computeGradients(x, y, rows);
    let next = 0;
    const layers = this.dense.map((layer) => {
      const [kernel] = layer.weights;
      next += layer.weights.length;
      const inputs = kernel.value.length / layer.units;
      return {
        name: layer.name,
        inputs,
        units: layer.units,
        kernel: Float32Array.from(kernel.value),
        kernelGradient: Float32Array.from(kernel.grad),
        activations: Float32Array.from(layer.output.subarray(0, rows * layer.units)),
      };
    });
    if (next !== weights.length) throw new Error(`expected ${next} weight tensors, got ${weights.length}`);
    return { layers, probeLoss };
  }

  /** Predicted class of each test row (a single sigmoid output is class 1 above 0.5), and the confusion matrix. */
  classify(x: FloatArray, rows: number, labels: Uint8Array, classes: number): { predicted: number[]; correct: number; confusion: number[][] } {
    const out = this.network.forward(x, rows);
    const width = this.network.outputSize;
    const predicted = Array.from({ length: rows }, (_, r) => {
      if (width === 1) return out[r] > 0.5 ? 1 : 0;
      let best = 0;
      for (let c = 1; c < width; c++) if (out[r * width + c] > out[r * width + best]) best = c;
      return best;
    });
    const correct = predicted.filter((p, r) => p === labels[r]).length;
    return { predicted, correct, confusion: confusionMatrix(Array.from(labels), predicted, classes) };
  }

  dispose(): void {
    this.network.dispose();
  }
}
