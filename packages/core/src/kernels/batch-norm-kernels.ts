import type { FloatArray } from '../matrix';

/**
 * Batch normalization over the rows of a rows × cols batch, one channel per column (Ioffe & Szegedy, 2015;
 * Keras's `BatchNormalization` with `axis=-1`: a [H, W, C] sample is H·W rows of C channels). The readable
 * reference; sums are accumulated in float64. Every kernel set includes these (BN is not the hot spot, so
 * the wasm set runs them on its own memory as they are).
 */
export interface BatchNormKernels {
  /** Per column: the mean and the biased variance (÷ rows, as `ops.moments` in Keras 3 and `tf.moments` in tfjs). */
  batchNormStatistics(x: FloatArray, mean: FloatArray, variance: FloatArray, rows: number, cols: number): void;
  /**
   * out = gamma · (x − mean) / √(variance + epsilon) + beta, per column; a null gamma is 1 (`scale: false`),
   * a null beta 0 (`center: false`).
   */
  batchNormApply(
    x: FloatArray,
    mean: FloatArray | null,
    variance: FloatArray,
    gamma: FloatArray | null,
    beta: FloatArray | null,
    epsilon: number,
    out: FloatArray,
    rows: number,
    cols: number,
  ): void;
  /**
   * The backward pass of `batchNormApply` with the batch's own statistics (training mode), x̂ = (x − mean)/σ:
   * ∂beta = Σ dy, ∂gamma = Σ dy·x̂, ∂x = gamma/(σ·rows) · (rows·dy − Σ dy − x̂·Σ dy·x̂). Null outputs are skipped.
   */
  batchNormBackward(
    x: FloatArray,
    dy: FloatArray,
    mean: FloatArray,
    variance: FloatArray,
    gamma: FloatArray | null,
    epsilon: number,
    dx: FloatArray | null,
    dGamma: FloatArray | null,
    dBeta: FloatArray | null,
    rows: number,
    cols: number,
  ): void;
  /** moving = moving · momentum + value · (1 − momentum): Keras 3's update of the moving statistics. */
  movingAverageUpdate(moving: FloatArray, value: FloatArray, n: number, momentum: number): void;
}

export const batchNormKernels: BatchNormKernels = {
  batchNormStatistics(x, mean, variance, rows, cols) {
    for (let c = 0; c < cols; c++) {
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += x[r * cols + c];
      const m = sum / rows;
      // Two passes: the variance of values far from zero keeps its digits.
      let sq = 0;
      for (let r = 0; r < rows; r++) {
        const d = x[r * cols + c] - m;
        sq += d * d;
      }
      mean[c] = m;
      variance[c] = sq / rows;
    }
  },

  batchNormApply(x, mean, variance, gamma, beta, epsilon, out, rows, cols) {
    for (let c = 0; c < cols; c++) {
      const scale = (gamma ? gamma[c] : 1) / Math.sqrt(variance[c] + epsilon);
      const m = mean ? mean[c] : 0;
      const shift = beta ? beta[c] : 0;
      for (let r = 0; r < rows; r++) out[r * cols + c] = (x[r * cols + c] - m) * scale + shift;
    }
  },

  batchNormBackward(x, dy, mean, variance, gamma, epsilon, dx, dGamma, dBeta, rows, cols) {
    for (let c = 0; c < cols; c++) {
      const invStd = 1 / Math.sqrt(variance[c] + epsilon);
      const m = mean[c];
      let sumDy = 0;
      let sumDyXhat = 0;
      for (let r = 0; r < rows; r++) {
        const g = dy[r * cols + c];
        sumDy += g;
        sumDyXhat += g * (x[r * cols + c] - m) * invStd;
      }
      if (dBeta) dBeta[c] = sumDy;
      if (dGamma) dGamma[c] = sumDyXhat;
      if (!dx) continue;
      const k = ((gamma ? gamma[c] : 1) * invStd) / rows;
      for (let r = 0; r < rows; r++) {
        const i = r * cols + c;
        const xhat = (x[i] - m) * invStd;
        dx[i] = k * (rows * dy[i] - sumDy - xhat * sumDyXhat);
      }
    }
  },

  movingAverageUpdate(moving, value, n, momentum) {
    for (let i = 0; i < n; i++) moving[i] = moving[i] * momentum + value[i] * (1 - momentum);
  },
};
