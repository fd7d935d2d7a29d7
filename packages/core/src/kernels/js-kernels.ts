import { batchNormKernels } from './batch-norm-kernels';
import { getActivation } from '../activations/activation-registry';
import { jsConvolutionKernels } from './js-conv-kernels';
import { jsGemmKernels } from './js-gemm-kernels';
import type { Kernels } from './kernels';

/** Probability floor of Keras's categorical_crossentropy (backend epsilon). */
const CROSS_ENTROPY_EPSILON = 1e-7;

/**
 * The documented ceiling for the buffers of the js kernels: 4 GiB, what a 32-bit WebAssembly memory can
 * address at most (BACKPROP_WASM_MEMORY_MB=4096), so a model the js reference accepts can also be given to
 * the wasm kernels. JavaScript engines cap a single typed array below this anyway (V8: 2^32 elements on
 * Node 20, browsers often 2^31 - 1 bytes), and a model this big would train far too slowly on plain loops.
 */
export const JS_MEMORY_LIMIT_BYTES = 4 * 1024 ** 3;

/**
 * The plain TypeScript kernels: the readable reference every faster set is tested against.
 * Loop orders are chosen so the innermost loop walks memory contiguously.
 */
export const jsKernels: Kernels = {
  name: 'js',
  ...batchNormKernels,
  memoryLimitBytes: JS_MEMORY_LIMIT_BYTES,
  ...jsConvolutionKernels,

  alloc(length) {
    return new Float32Array(length);
  },

  free() {
    // Garbage-collected memory: nothing to do.
  },

  ...jsGemmKernels,

  biasActivation(z, bias, out, rows, cols, activation) {
    if (bias !== null) {
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        for (let j = 0; j < cols; j++) z[o + j] += bias[j];
      }
    }
    getActivation(activation.name).forward(z, out, rows, cols, activation.alpha);
  },

  activationBackward(z, y, dy, dz, rows, cols, activation) {
    getActivation(activation.name).backward(z, y, dy, dz, rows, cols, activation.alpha);
  },

  columnSums(a, out, rows, cols, accumulate = false) {
    if (!accumulate) out.fill(0, 0, cols);
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      for (let j = 0; j < cols; j++) out[j] += a[o + j];
    }
  },

  softmaxCrossEntropy(z, targets, probs, grad, rows, cols, gradScale) {
    getActivation('softmax').forward(z, probs, rows, cols, 0);
    let loss = 0;
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let targetSum = 0;
      for (let j = 0; j < cols; j++) {
        const t = targets[o + j];
        targetSum += t;
        if (t !== 0) loss -= t * Math.log(Math.max(probs[o + j], CROSS_ENTROPY_EPSILON));
      }
      for (let j = 0; j < cols; j++) grad[o + j] = (probs[o + j] * targetSum - targets[o + j]) * gradScale;
    }
    return loss;
  },

  sgdUpdate(w, g, n, lr) {
    for (let i = 0; i < n; i++) w[i] -= lr * g[i];
  },

  momentumUpdate(w, g, v, n, lr, momentum, nesterov) {
    for (let i = 0; i < n; i++) {
      const vi = momentum * v[i] + g[i];
      v[i] = vi;
      w[i] -= nesterov ? lr * (g[i] + momentum * vi) : lr * vi;
    }
  },

  adamUpdate(w, g, m, v, n, lr, beta1, beta2, epsilon, t) {
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const mi = beta1 * m[i] + (1 - beta1) * gi;
      const vi = beta2 * v[i] + (1 - beta2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      w[i] -= (lr * (mi / c1)) / (Math.sqrt(vi / c2) + epsilon);
    }
  },

  rmspropUpdate(w, g, s, mom, n, lr, rho, momentum, epsilon) {
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const si = rho * s[i] + (1 - rho) * gi * gi;
      s[i] = si;
      const step = momentum * mom[i] + (lr * gi) / Math.sqrt(si + epsilon);
      mom[i] = step;
      w[i] -= step;
    }
  },

  adagradUpdate(w, g, acc, n, lr, epsilon) {
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const a = acc[i] + gi * gi;
      acc[i] = a;
      w[i] -= (lr * gi) / Math.sqrt(a + epsilon);
    }
  },

  adadeltaUpdate(w, g, accGrad, accDelta, n, lr, rho, epsilon) {
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const a = rho * accGrad[i] + (1 - rho) * gi * gi;
      accGrad[i] = a;
      const delta = (-Math.sqrt(accDelta[i] + epsilon) * gi) / Math.sqrt(a + epsilon);
      accDelta[i] = rho * accDelta[i] + (1 - rho) * delta * delta;
      w[i] += lr * delta;
    }
  },

  adamaxUpdate(w, g, m, u, n, lr, beta1, beta2, epsilon, t) {
    const c1 = 1 - beta1 ** t;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const mi = m[i] + (gi - m[i]) * (1 - beta1);
      const ui = Math.max(beta2 * u[i], Math.abs(gi));
      m[i] = mi;
      u[i] = ui;
      w[i] -= (lr * mi) / (c1 * (ui + epsilon));
    }
  },

  nadamUpdate(w, g, m, v, n, lr, beta1, beta2, epsilon, momentumScale, gradientScale, t) {
    const c2 = 1 - beta2 ** t;
    for (let i = 0; i < n; i++) {
      const gi = g[i];
      const mi = m[i] + (gi - m[i]) * (1 - beta1);
      const vi = v[i] + (gi * gi - v[i]) * (1 - beta2);
      m[i] = mi;
      v[i] = vi;
      const mHat = momentumScale * mi + gradientScale * gi;
      w[i] -= (mHat * lr) / (Math.sqrt(vi / c2) + epsilon);
    }
  },
};
