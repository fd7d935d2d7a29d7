import { ACTIVATION_DESCRIPTORS, type ActivationIdentifier, activationAliases, activationNames } from '../descriptors/activation-descriptors';
import { ArgumentError, describeValue, UnknownNameError } from '../errors';
import { checkOptionKeys } from '../options/check-option-keys';
import type { ActivationName, ActivationSpec } from '../kernels/kernels';
import type { FloatArray } from '../matrix';

/**
 * Every activation, defined once: its value and its derivative side by side (as micrograd keeps an
 * operation and its backward step together). The js kernels loop over these; the wasm kernels carry
 * the same formulas in WebAssembly and are tested against them.
 */
export interface ActivationDefinition {
  readonly name: ActivationName;
  /** Default for `alpha` (leakyRelu slope, elu scale); 0 where unused. */
  readonly defaultAlpha: number;
  /** out = f(z) over a rows×cols block. */
  forward(z: FloatArray, out: FloatArray, rows: number, cols: number, alpha: number): void;
  /** dz = dy ⊙ f′(z), given z (pre-activation) and y = f(z). */
  backward(z: FloatArray, y: FloatArray, dy: FloatArray, dz: FloatArray, rows: number, cols: number, alpha: number): void;
}

/** An elementwise activation from f(z) and f′ written in terms of z and y = f(z). */
function elementwise(
  name: ActivationName,
  defaultAlpha: number,
  f: (z: number, alpha: number) => number,
  df: (z: number, y: number, alpha: number) => number,
): ActivationDefinition {
  return {
    name,
    defaultAlpha,
    forward(z, out, rows, cols, alpha) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) out[i] = f(z[i], alpha);
    },
    backward(z, y, dy, dz, rows, cols, alpha) {
      const n = rows * cols;
      for (let i = 0; i < n; i++) dz[i] = dy[i] * df(z[i], y[i], alpha);
    },
  };
}

/** Logistic sigmoid written so that exp never overflows. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Row-wise softmax with the row maximum subtracted first, so exp never overflows. */
const softmax: ActivationDefinition = {
  name: 'softmax',
  defaultAlpha: 0,
  forward(z, out, rows, cols) {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (z[o + j] > max) max = z[o + j];
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const e = Math.exp(z[o + j] - max);
        out[o + j] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let j = 0; j < cols; j++) out[o + j] *= inv;
    }
  },
  // Jacobian–vector product: dzⱼ = yⱼ (dyⱼ − Σₖ dyₖ yₖ).
  backward(_z, y, dy, dz, rows, cols) {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += dy[o + j] * y[o + j];
      for (let j = 0; j < cols; j++) dz[o + j] = y[o + j] * (dy[o + j] - dot);
    }
  },
};

const definitions: readonly ActivationDefinition[] = [
  // The perceptron's unit step (Rosenblatt, 1958): 1 for z > 0, else 0. Its derivative is 0 almost everywhere.
  elementwise('step', 0, (z) => (z > 0 ? 1 : 0), () => 0),
  elementwise('linear', 0, (z) => z, () => 1),
  elementwise('sigmoid', 0, sigmoid, (_z, y) => y * (1 - y)),
  elementwise('tanh', 0, Math.tanh, (_z, y) => 1 - y * y),
  // Math.max keeps NaN visible (a ternary would turn it into 0).
  elementwise('relu', 0, (z) => Math.max(z, 0), (z) => (z > 0 ? 1 : 0)),
  // Keras's LeakyReLU default negative slope is 0.3 (tf.keras) — kept here.
  elementwise('leakyRelu', ACTIVATION_DESCRIPTORS.leakyRelu.defaultAlpha, (z, a) => (z > 0 ? z : a * z), (z, _y, a) => (z > 0 ? 1 : a)),
  // ELU (Clevert et al., 2015): α(eᶻ − 1) for z ≤ 0; f′ = y + α there.
  elementwise('elu', ACTIVATION_DESCRIPTORS.elu.defaultAlpha, (z, a) => (z > 0 ? z : a * Math.expm1(z)), (z, y, a) => (z > 0 ? 1 : y + a)),
  softmax,
];

const registry = new Map<string, ActivationDefinition>(definitions.map((d) => [d.name, d]));

export { activationNames };

export function getActivation(name: string): ActivationDefinition {
  const def = registry.get(name) ?? registry.get(Object.hasOwn(activationAliases, name) ? activationAliases[name] : '');
  if (!def) throw new UnknownNameError('activation', name, activationNames);
  return def;
}

/** An activation as public options take it: a name (or alias), or `{ name, alpha }`. */
export type ActivationOption = ActivationIdentifier | { name: ActivationIdentifier; alpha?: number };

/** Normalise a name or a partial spec into a full `ActivationSpec` (alpha filled in from the default). */
export function activationSpec(activation: ActivationOption | string | { name: string; alpha?: number }): ActivationSpec {
  const name = typeof activation === 'string' ? activation : activation?.name;
  if (typeof name !== 'string') {
    throw new ArgumentError(`activation must be a name such as 'relu' or { name, alpha }, got ${describeValue(activation)}`);
  }
  if (typeof activation !== 'string') checkOptionKeys(activation, ['name', 'alpha'], 'activation spec');
  const def = getActivation(name);
  const alpha = typeof activation === 'string' || activation.alpha === undefined ? def.defaultAlpha : activation.alpha;
  if (typeof alpha !== 'number' || !Number.isFinite(alpha)) throw new ArgumentError(`activation "${def.name}" alpha must be a finite number, got ${describeValue(alpha)}`);
  return { name: def.name, alpha };
}
