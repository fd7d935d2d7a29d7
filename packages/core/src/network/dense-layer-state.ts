import type { ActivationSpec } from '../kernels/kernels';
import type { FloatArray } from '../matrix';

/** Weights of one layer: kernel is inputs×units, row-major (Keras's layout); bias has `units` values or is null. */
export interface LayerWeights {
  kernel: FloatArray;
  bias: FloatArray | null;
}

/** One dense layer's parameters, gradients and shape. */
export interface DenseLayerState {
  /** The name given in its config, if any. */
  readonly name?: string;
  readonly inputs: number;
  readonly units: number;
  readonly activation: ActivationSpec;
  readonly kernel: FloatArray;
  readonly bias: FloatArray | null;
  readonly kernelGrad: FloatArray;
  readonly biasGrad: FloatArray | null;
  /** Training-only inverted dropout on this layer's output; 0 for none. */
  readonly dropoutRate: number;
}
