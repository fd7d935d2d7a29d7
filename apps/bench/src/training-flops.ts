/**
 * Floating-point operations of one training step of a dense stack (multiply and add counted as two):
 * the forward products X·W, the weight gradients Xᵀ·dZ, and the input gradients dZ·Wᵀ of every layer
 * but the first. Bias, activation and update work is O(units) and left out, as GEMM benchmarks do.
 */
export function trainingFlopsPerStep(layers: readonly number[], batchSize: number): number {
  let flops = 0;
  for (let i = 0; i + 1 < layers.length; i++) {
    const macs = batchSize * layers[i] * layers[i + 1];
    flops += 2 * macs; // forward
    flops += 2 * macs; // dW
    if (i > 0) flops += 2 * macs; // dX
  }
  return flops;
}

/** Forward-only operations for `rows` images (inference). */
export function inferenceFlops(layers: readonly number[], rows: number): number {
  let flops = 0;
  for (let i = 0; i + 1 < layers.length; i++) flops += 2 * rows * layers[i] * layers[i + 1];
  return flops;
}
