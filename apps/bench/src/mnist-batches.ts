import { loadMnist, oneHotLabels, toFloat32Batch } from '@backprop/datasets';

export interface Batch {
  readonly x: Float32Array;
  readonly y: Float32Array;
}

/**
 * Real MNIST training batches (pixels / 255, one-hot labels) for the timed steps: the kernels' speed
 * depends on the data (about 81 % of MNIST's pixels are 0), so the benchmark measures what an epoch
 * of MNIST costs, not an epoch of noise. Also a block of `inferenceRows` test images for inference.
 */
export function mnistBatches(batchSize: number, count: number, inferenceRows: number): { batches: Batch[]; inference: Float32Array } {
  const mnist = loadMnist();
  const batches: Batch[] = [];
  for (let b = 0; b < count; b++) {
    const range = { start: b * batchSize, end: (b + 1) * batchSize };
    batches.push({ x: toFloat32Batch(mnist.train, range).slice(), y: oneHotLabels(mnist.train.labels, range, 10).slice() });
  }
  const inference = toFloat32Batch(mnist.test, { start: 0, end: inferenceRows }).slice();
  return { batches, inference };
}
