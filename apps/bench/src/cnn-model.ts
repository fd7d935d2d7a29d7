import type { LayerConfig } from '@backprop/core';

/**
 * The second benchmark model (issue 12): Conv2D 32 (3×3, relu) → MaxPooling2D 2 → Conv2D 64 (3×3, relu)
 * → MaxPooling2D 2 → Flatten → Dense 10 softmax on [28, 28, 1] MNIST images, trained with SGD — the
 * convnet of Keras's mnist_convnet example without its Dropout.
 */
export const CNN_INPUT_SHAPE = [28, 28, 1] as const;

export const CNN_LAYERS: readonly LayerConfig[] = [
  { className: 'Conv2D', config: { name: 'conv2d', filters: 32, kernelSize: 3, activation: 'relu' } },
  { className: 'MaxPooling2D', config: { name: 'max_pooling2d', poolSize: 2 } },
  { className: 'Conv2D', config: { name: 'conv2d_1', filters: 64, kernelSize: 3, activation: 'relu' } },
  { className: 'MaxPooling2D', config: { name: 'max_pooling2d_1', poolSize: 2 } },
  { className: 'Flatten', config: { name: 'flatten' } },
  { className: 'Dense', config: { name: 'dense', units: 10, activation: 'softmax' } },
];

/** The GEMMs of the model per sample: [rows (output pixels), shared width (patch), columns (filters)], first layer first. */
const GEMMS: readonly (readonly [number, number, number])[] = [
  [26 * 26, 3 * 3 * 1, 32],
  [11 * 11, 3 * 3 * 32, 64],
  [1, 5 * 5 * 64, 10],
];

/**
 * Floating-point operations of one training step (multiply and add counted as two): each layer's
 * forward GEMM, its weight gradient, and its input gradient for all but the first layer; im2col, pooling,
 * bias and activation work is memory traffic and left out, as for the dense model.
 */
export function cnnTrainingFlops(batchSize: number): number {
  return GEMMS.reduce((n, [m, k, c], i) => n + (i === 0 ? 2 : 3) * 2 * batchSize * m * k * c, 0);
}

/** Forward-only operations for `rows` images. */
export function cnnInferenceFlops(rows: number): number {
  return GEMMS.reduce((n, [m, k, c]) => n + 2 * rows * m * k * c, 0);
}
