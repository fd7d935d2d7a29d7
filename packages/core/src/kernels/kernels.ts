import type { ActivationName } from '../descriptors/activation-descriptors';
import type { FloatArray } from '../matrix';
import type { WindowGeometry } from './window-geometry';

export type { ActivationName };

/** An activation with its parameter: `alpha` is the negative slope of leakyRelu and the scale of elu. */
export interface ActivationSpec {
  readonly name: ActivationName;
  readonly alpha: number;
}

/**
 * The kernel seam: every hot loop of the engine goes through one of these methods.
 *
 * Conventions, shared by every implementation:
 * - Matrices are row-major; a method works on the first `rows * cols` values of each buffer it is given,
 *   so callers pass preallocated buffers sized for the largest batch and never slice per batch.
 * - Buffers used in training come from `alloc`, so an implementation can keep them in its own memory
 *   (WebAssembly linear memory for the wasm kernels). A buffer from `alloc` stays valid until `free`.
 * - `accumulate` adds into the output instead of overwriting it.
 * - The `js` kernels also accept `Float64Array` (used for gradient checking); other sets may require float32.
 */
export interface Kernels extends ConvolutionKernels {
  /** `js` for the TypeScript reference, `wasm` for WebAssembly SIMD. */
  readonly name: string;
  /** What exactly runs, for reports: e.g. `SIMD` or `relaxed SIMD (FMA)` for wasm. */
  readonly detail?: string;
  /**
   * The most bytes of buffers this kernel set can hold (all models together): the capacity of the fixed
   * WebAssembly heap for `wasm`, `JS_MEMORY_LIMIT_BYTES` for `js`. Models are checked against it before
   * anything is allocated (see `estimateDenseMemory`).
   */
  readonly memoryLimitBytes: number;

  /** A zero-filled buffer of `length` floats that this kernel set can compute on without copying. */
  alloc(length: number): Float32Array;
  /** Give a buffer from `alloc` back. */
  free(buffer: Float32Array): void;

  /** C[m×n] (+)= A[m×k] · B[k×n] — the forward pass. */
  matmul(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number, accumulate?: boolean): void;
  /** C[m×n] (+)= A[m×k] · B[n×k]ᵀ — the error sent back to the layer below (dX = dZ·Wᵀ). */
  matmulTransB(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number, accumulate?: boolean): void;
  /** C[m×n] (+)= A[k×m]ᵀ · B[k×n] — the weight gradient (dW = Xᵀ·dZ). */
  matmulTransA(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number, accumulate?: boolean): void;

  /**
   * z[i,j] += bias[j] (skipped when bias is null), then out = f(z) row by row.
   * z keeps the pre-activation for the backward pass.
   */
  biasActivation(z: FloatArray, bias: FloatArray | null, out: FloatArray, rows: number, cols: number, activation: ActivationSpec): void;

  /** dz = dy ⊙ f′(z) (for softmax the row Jacobian–vector product), given z = pre- and y = post-activation. */
  activationBackward(
    z: FloatArray,
    y: FloatArray,
    dy: FloatArray,
    dz: FloatArray,
    rows: number,
    cols: number,
    activation: ActivationSpec,
  ): void;

  /** out[j] (+)= Σᵢ a[i,j] — the bias gradient. */
  columnSums(a: FloatArray, out: FloatArray, rows: number, cols: number, accumulate?: boolean): void;

  /**
   * Softmax fused with categorical cross-entropy, on logits z:
   * probs = softmax(z); grad = (probs · Σⱼ yⱼ − y) · gradScale; returns Σ over rows of −Σⱼ yⱼ·log(max(pⱼ, ε)), ε = 1e-7
   * (the probability clipping of Keras's categorical_crossentropy).
   */
  softmaxCrossEntropy(
    z: FloatArray,
    targets: FloatArray,
    probs: FloatArray,
    grad: FloatArray,
    rows: number,
    cols: number,
    gradScale: number,
  ): number;

  /** w −= lr · g */
  sgdUpdate(w: FloatArray, g: FloatArray, n: number, lr: number): void;
  /**
   * Momentum in the form of tf.train.momentum: v = μ·v + g; w −= lr·v, or with Nesterov w −= lr·(g + μ·v).
   * Same trajectory as Keras's SGD(momentum) for a constant learning rate.
   */
  momentumUpdate(w: FloatArray, g: FloatArray, v: FloatArray, n: number, lr: number, momentum: number, nesterov: boolean): void;
  /**
   * Adam (Kingma & Ba, 2015) in the form of tf.train.adam: m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²;
   * w −= lr · (m / (1−β₁ᵗ)) / (√(v / (1−β₂ᵗ)) + ε), with t the 1-based step.
   */
  adamUpdate(
    w: FloatArray,
    g: FloatArray,
    m: FloatArray,
    v: FloatArray,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    t: number,
  ): void;
  /**
   * RMSprop (Hinton, lecture 6e) in the form of tf.train.rmsprop: s = ρs + (1−ρ)g²;
   * mom = μ·mom + lr·g / √(s + ε); w −= mom.
   */
  rmspropUpdate(
    w: FloatArray,
    g: FloatArray,
    s: FloatArray,
    mom: FloatArray,
    n: number,
    lr: number,
    rho: number,
    momentum: number,
    epsilon: number,
  ): void;

  /** Adagrad (Duchi et al., 2011; keras/src/optimizers/adagrad.py): acc += g²; w −= lr·g / √(acc + ε). */
  adagradUpdate(w: FloatArray, g: FloatArray, acc: FloatArray, n: number, lr: number, epsilon: number): void;
  /**
   * Adadelta (Zeiler, 2012; keras/src/optimizers/adadelta.py): a = ρa + (1−ρ)g²; Δ = −√(d + ε)·g / √(a + ε);
   * d = ρd + (1−ρ)Δ²; w += lr·Δ.
   */
  adadeltaUpdate(w: FloatArray, g: FloatArray, accGrad: FloatArray, accDelta: FloatArray, n: number, lr: number, rho: number, epsilon: number): void;
  /**
   * Adamax (Kingma & Ba, 2015, §7.1; keras/src/optimizers/adamax.py): m = m + (g − m)(1−β₁); u = max(β₂u, |g|);
   * w −= lr·m / ((1−β₁ᵗ)(u + ε)).
   */
  adamaxUpdate(w: FloatArray, g: FloatArray, m: FloatArray, u: FloatArray, n: number, lr: number, beta1: number, beta2: number, epsilon: number, t: number): void;
  /**
   * Nadam (Dozat, 2015; keras/src/optimizers/nadam.py): m = m + (g − m)(1−β₁); v = v + (g² − v)(1−β₂);
   * m̂ = momentumScale·m + gradientScale·g; w −= lr·m̂ / (√(v / (1−β₂ᵗ)) + ε). The caller computes the two
   * scales from the momentum schedule: μₜ₊₁/(1 − Πμ·μₜ₊₁) and (1 − μₜ)/(1 − Πμ).
   */
  nadamUpdate(
    w: FloatArray,
    g: FloatArray,
    m: FloatArray,
    v: FloatArray,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    epsilon: number,
    momentumScale: number,
    gradientScale: number,
    t: number,
  ): void;
}

/**
 * The sliding-window kernels of Conv2D, pooling and ZeroPadding2D, on channels-last batches: `batch`
 * samples of g.inH × g.inW × g.channels values in, `batch` samples of g.outH × g.outW (× …) out.
 */
export interface ConvolutionKernels {
  /**
   * Lower a batch to the patch matrix of a convolution (im2col, Chellapilla et al. 2006): one row per
   * output pixel (batch·outH·outW rows), one column per (ky, kx, c) in that order — the row order of a
   * Keras / tfjs kernel [kh, kw, cin, cout] — so the convolution is one GEMM, cols · kernel. Padding reads as 0.
   */
  im2col(x: FloatArray, cols: FloatArray, batch: number, g: WindowGeometry): void;
  /** The adjoint of im2col: dx (+)= each patch value added back where it was read from (padding dropped). */
  col2im(cols: FloatArray, dx: FloatArray, batch: number, g: WindowGeometry, accumulate?: boolean): void;
  /**
   * Max pooling: y = the largest value of each window per channel (padding never wins), and `argmax` its
   * index within the sample ((iy·inW + ix)·C + c, exact in float32 below 2²⁴ values), first one on ties.
   */
  maxPool(x: FloatArray, y: FloatArray, argmax: FloatArray, batch: number, g: WindowGeometry): void;
  /** dx = 0, then dx[argmax] += dy for every output: the gradient goes to the winner of each window. */
  maxPoolBackward(dy: FloatArray, argmax: FloatArray, dx: FloatArray, batch: number, g: WindowGeometry): void;
  /** Average pooling: the mean of each window over its values inside the input (TensorFlow's avg_pool leaves padding out of the count). */
  avgPool(x: FloatArray, y: FloatArray, batch: number, g: WindowGeometry): void;
  /** dx = 0, then each dy shared equally among the input values its window averaged. */
  avgPoolBackward(dy: FloatArray, dx: FloatArray, batch: number, g: WindowGeometry): void;
}
