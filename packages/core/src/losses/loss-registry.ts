import { type LossName, lossAliases, lossNames } from '../descriptors/loss-descriptors';
import { ArgumentError, describeValue, UnknownNameError } from '../errors';
import { checkOptionKeys } from '../options/check-option-keys';
import type { FloatArray } from '../matrix';

/** Probability floor of Keras's cross-entropies (`keras.backend.epsilon()`). */
export const EPSILON = 1e-7;

export type { LossName };

/** A loss with its parameter: `delta` is Huber's threshold (Keras default 1). */
export interface LossSpec {
  readonly name: LossName;
  readonly delta?: number;
}

/**
 * A loss, defined once with its gradient. `value` is the mean over the batch of the per-sample loss
 * (Keras's default reduction); `gradient` writes ∂value/∂prediction.
 */
export interface Loss {
  readonly name: LossName;
  readonly spec: LossSpec;
  value(pred: FloatArray, target: FloatArray, rows: number, cols: number): number;
  gradient(pred: FloatArray, target: FloatArray, grad: FloatArray, rows: number, cols: number): void;
}

type LossFactory = (spec: LossSpec) => Omit<Loss, 'name' | 'spec'>;

/**
 * A loss that is a mean over every element of φ(prediction, target) — Keras's `mean(..., axis=-1)`
 * followed by the batch mean — given φ and ∂φ/∂prediction.
 */
function elementMean(phi: (p: number, t: number) => number, dphi: (p: number, t: number) => number): Omit<Loss, 'name' | 'spec'> {
  return {
    value(pred, target, rows, cols) {
      const n = rows * cols;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += phi(pred[i], target[i]);
      return sum / n;
    },
    gradient(pred, target, grad, rows, cols) {
      const n = rows * cols;
      const scale = 1 / n;
      for (let i = 0; i < n; i++) grad[i] = dphi(pred[i], target[i]) * scale;
    },
  };
}

const clipProbability = (p: number): number => Math.min(Math.max(p, EPSILON), 1 - EPSILON);
const insideClip = (p: number): boolean => p > EPSILON && p < 1 - EPSILON;

/** Hinge targets: 0/1 labels become −1/+1, as Keras's `hinge` converts binary labels. */
function signedTargets(target: FloatArray, n: number): boolean {
  for (let i = 0; i < n; i++) if (target[i] !== 0 && target[i] !== 1) return false;
  return true;
}

const factories: Record<LossName, LossFactory> = {
  // The tutorial's loss: ½·Σ(p − t)² per sample, so that its gradient is simply (p − t).
  sse: () => ({
    value(pred, target, rows, cols) {
      let sum = 0;
      for (let i = 0; i < rows * cols; i++) sum += (pred[i] - target[i]) ** 2;
      return (0.5 * sum) / rows;
    },
    gradient(pred, target, grad, rows, cols) {
      for (let i = 0; i < rows * cols; i++) grad[i] = (pred[i] - target[i]) / rows;
    },
  }),
  mse: () => elementMean((p, t) => (p - t) ** 2, (p, t) => 2 * (p - t)),
  mae: () => elementMean((p, t) => Math.abs(p - t), (p, t) => Math.sign(p - t)),
  // Root of the mean squared error over the whole batch (not a per-sample mean).
  rmse: () => ({
    value(pred, target, rows, cols) {
      let sum = 0;
      for (let i = 0; i < rows * cols; i++) sum += (pred[i] - target[i]) ** 2;
      return Math.sqrt(sum / (rows * cols));
    },
    gradient(pred, target, grad, rows, cols) {
      const n = rows * cols;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += (pred[i] - target[i]) ** 2;
      const rmse = Math.sqrt(sum / n);
      for (let i = 0; i < n; i++) grad[i] = rmse === 0 ? 0 : (pred[i] - target[i]) / (n * rmse);
    },
  }),
  // Huber (1964): quadratic within δ, linear outside — Keras's `huber(delta=1.0)`.
  huber: ({ delta = 1 }) => {
    if (!(typeof delta === 'number' && delta > 0 && Number.isFinite(delta))) {
      throw new ArgumentError(`huber delta must be a positive finite number, got ${describeValue(delta)}`);
    }
    return elementMean(
      (p, t) => {
        const e = Math.abs(p - t);
        return e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
      },
      (p, t) => {
        const e = p - t;
        return Math.abs(e) <= delta ? e : delta * Math.sign(e);
      },
    );
  },
  // log(cosh(e)) written as |e| + log1p(e^(−2|e|)) − log 2 so cosh never overflows (as Keras does).
  logCosh: () =>
    elementMean(
      (p, t) => {
        const e = Math.abs(p - t);
        return e + Math.log1p(Math.exp(-2 * e)) - Math.LN2;
      },
      (p, t) => Math.tanh(p - t),
    ),
  // Keras clips probabilities to [ε, 1 − ε]; outside that range the gradient is zero, as through tf.clip.
  binaryCrossentropy: () =>
    elementMean(
      (p, t) => {
        const q = clipProbability(p);
        return -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
      },
      (p, t) => (insideClip(p) ? (p - t) / (p * (1 - p)) : 0),
    ),
  // Keras's non-fused categorical_crossentropy: q = p / Σp, clipped to [ε, 1 − ε], loss −Σ t·log q.
  // (With a softmax output the network uses the fused kernel instead.)
  categoricalCrossentropy: () => ({
    value(pred, target, rows, cols) {
      let total = 0;
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let s = 0;
        for (let j = 0; j < cols; j++) s += pred[o + j];
        for (let j = 0; j < cols; j++) if (target[o + j] !== 0) total -= target[o + j] * Math.log(clipProbability(pred[o + j] / s));
      }
      return total / rows;
    },
    gradient(pred, target, grad, rows, cols) {
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let s = 0;
        for (let j = 0; j < cols; j++) s += pred[o + j];
        // ∂L/∂q_j = −t_j/q_j where q is not clipped; then through q = p/S: ∂L/∂p_k = (g_k − Σ_j g_j q_j) / S.
        let dot = 0;
        for (let j = 0; j < cols; j++) {
          const q = pred[o + j] / s;
          const g = insideClip(q) ? -target[o + j] / q : 0;
          grad[o + j] = g;
          dot += g * q;
        }
        for (let j = 0; j < cols; j++) grad[o + j] = (grad[o + j] - dot) / (s * rows);
      }
    },
  }),
  hinge: () => {
    let signed = false;
    const y = (t: number) => (signed ? 2 * t - 1 : t);
    const base = elementMean(
      (p, t) => Math.max(1 - y(t) * p, 0),
      (p, t) => (1 - y(t) * p > 0 ? -y(t) : 0),
    );
    return {
      value(pred, target, rows, cols) {
        signed = signedTargets(target, rows * cols);
        return base.value(pred, target, rows, cols);
      },
      gradient(pred, target, grad, rows, cols) {
        signed = signedTargets(target, rows * cols);
        base.gradient(pred, target, grad, rows, cols);
      },
    };
  },
  // Kullback–Leibler divergence Σ t·log(t/p), both clipped to [ε, 1] as in Keras.
  kld: () => ({
    value(pred, target, rows, cols) {
      let total = 0;
      for (let i = 0; i < rows * cols; i++) {
        const t = Math.min(Math.max(target[i], EPSILON), 1);
        const p = Math.min(Math.max(pred[i], EPSILON), 1);
        total += t * Math.log(t / p);
      }
      return total / rows;
    },
    gradient(pred, target, grad, rows, cols) {
      for (let i = 0; i < rows * cols; i++) {
        const t = Math.min(Math.max(target[i], EPSILON), 1);
        const p = pred[i];
        grad[i] = p > EPSILON && p < 1 ? -t / p / rows : 0;
      }
    },
  }),
};

export { lossNames };

/** Every name `getLoss` accepts: core's names, then the Keras and tfjs spellings. */
export const acceptedLossNames: readonly string[] = [...lossNames, ...Object.keys(lossAliases)];

export function resolveLossName(name: string): LossName {
  if (Object.hasOwn(factories, name)) return name as LossName;
  if (Object.hasOwn(lossAliases, name)) return lossAliases[name];
  throw new UnknownNameError('loss', name, acceptedLossNames);
}

/** Build a loss from a name or `{ name, delta }`. */
export function getLoss(loss: string | { name: string; delta?: number }): Loss {
  const given = typeof loss === 'string' ? loss : loss?.name;
  if (typeof given !== 'string') {
    throw new ArgumentError(`loss must be a name such as 'mse' or { name, delta }, got ${describeValue(loss)}`);
  }
  if (typeof loss !== 'string') checkOptionKeys(loss, ['name', 'delta'], 'loss spec');
  const name = resolveLossName(given);
  if (typeof loss !== 'string' && loss.delta !== undefined && name !== 'huber') {
    throw new ArgumentError(`loss spec: delta applies to huber only, got it for ${name}`);
  }
  const spec: LossSpec = typeof loss === 'string' ? { name } : { ...loss, name };
  return { name, spec, ...factories[name](spec) };
}
