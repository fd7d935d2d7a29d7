import { type ActivationSpec, ArgumentError, type InitializerName } from '@backprop/core';

/**
 * Translations between this engine's names and the Keras / TensorFlow.js layers format: activation
 * strings and initializer configs. Kept in one table each so save and load are inverses.
 */

/** Core activation → Keras activation string (the same in tfjs's model.json). */
const KERAS_ACTIVATIONS: Record<string, string> = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  softmax: 'softmax',
  tanh: 'tanh',
  elu: 'elu',
};

/** Keras layers that hold an activation with a parameter: written after a linear Dense, folded back on load. */
export type KerasActivationLayerName = 'LeakyReLU' | 'ELU';

/** A parameterized activation as Keras writes it: its own layer (`LeakyReLU`, `ELU`) with `alpha` in the config. */
export interface KerasActivationLayer {
  readonly className: KerasActivationLayerName;
  /** Keras's automatic name for the layer: `leaky_re_lu`, `elu`. */
  readonly prefix: string;
  readonly alpha: number;
}

/**
 * The separate Keras layer an activation needs, or null when an activation string holds it. Keras's
 * `'elu'` string fixes alpha = 1, and tfjs has no leaky-ReLU activation string, so leakyRelu and
 * elu(α ≠ 1) are written as Keras does: `Dense(activation='linear')` followed by `LeakyReLU(alpha)` /
 * `ELU(alpha)`. Porting note: tfjs's ELU layer only accepts alpha 1 (it throws NotImplementedError
 * otherwise), so a model with elu(α ≠ 1) loads here and in Keras but not in `tf.loadLayersModel`.
 */
export function kerasActivationLayer(activation: ActivationSpec): KerasActivationLayer | null {
  if (activation.name === 'leakyRelu') return { className: 'LeakyReLU', prefix: 'leaky_re_lu', alpha: activation.alpha };
  if (activation.name === 'elu' && activation.alpha !== 1) return { className: 'ELU', prefix: 'elu', alpha: activation.alpha };
  return null;
}

/** The Keras name of a layer's activation; throws for activations that need a layer of their own or that the format cannot express. */
export function kerasActivation(activation: ActivationSpec, layerName: string): string {
  const name = KERAS_ACTIVATIONS[activation.name];
  // step (the perceptron's) has no Keras counterpart at all.
  if (!name || kerasActivationLayer(activation)) {
    throw new ArgumentError(
      `layer "${layerName}" uses activation ${activation.name}${activation.alpha ? ` (alpha ${activation.alpha})` : ''}, which the TensorFlow.js layers format cannot store; supported: ${Object.keys(KERAS_ACTIVATIONS).join(', ')}, leakyRelu (as a LeakyReLU layer), elu with any alpha (as an ELU layer)`,
    );
  }
  return name;
}

/** Keras activation string → core activation name, or null when unsupported. */
export function coreActivation(kerasName: string): string | null {
  return Object.hasOwn(KERAS_ACTIVATIONS, kerasName) ? kerasName : null;
}

export const supportedKerasActivations: readonly string[] = Object.keys(KERAS_ACTIVATIONS);

/** Activation layers that load as an activation: the class names `kerasActivationLayer` writes. */
export const kerasActivationLayerNames: readonly KerasActivationLayerName[] = ['LeakyReLU', 'ELU'];

/**
 * A `LeakyReLU` or `ELU` layer config → core activation. LeakyReLU's slope is `alpha` in Keras 2 and
 * tfjs and `negative_slope` in Keras 3 (default 0.3 in all three); ELU's is `alpha` (default 1).
 */
export function coreActivationOfLayer(className: KerasActivationLayerName, config: Record<string, unknown>): { name: 'leakyRelu' | 'elu'; alpha: number } {
  const leaky = className === 'LeakyReLU';
  const key = leaky && config.alpha === undefined && config.negative_slope !== undefined ? 'negative_slope' : 'alpha';
  const value = config[key] ?? (leaky ? 0.3 : 1);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError(`${className} ${key} must be a finite number, got ${JSON.stringify(value)}`);
  }
  return { name: leaky ? 'leakyRelu' : 'elu', alpha: value };
}

export interface InitializerJson {
  class_name: string;
  config: Record<string, unknown>;
}

/** Core initializer → Keras initializer config. */
export function kerasInitializer(name: InitializerName): InitializerJson {
  switch (name) {
    case 'glorotUniform':
      return { class_name: 'GlorotUniform', config: { seed: null } };
    case 'glorotNormal':
      return { class_name: 'GlorotNormal', config: { seed: null } };
    case 'heNormal':
      return { class_name: 'HeNormal', config: { seed: null } };
    case 'heUniform':
      return { class_name: 'HeUniform', config: { seed: null } };
    case 'zeros':
      return { class_name: 'Zeros', config: {} };
    case 'ones':
      return { class_name: 'Ones', config: {} };
    // LeCun normal is VarianceScaling(1, fan_in, normal) — a truncated normal in both Keras and tfjs.
    // Porting note: the tutorial's untruncated randn/√fanIn has no Keras name and is saved the same way.
    case 'lecunNormal':
    case 'tutorial':
      return { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_in', distribution: 'normal', seed: null } };
  }
}

/**
 * Keras initializer config → core name. Unknown initializers fall back to `fallback`: a loaded
 * model's weights come from weights.bin, so the initializer matters only if the model is rebuilt.
 */
export function coreInitializer(json: unknown, fallback: InitializerName): InitializerName {
  if (json === null || typeof json !== 'object') return typeof json === 'string' ? byClassName(json, fallback) : fallback;
  const { class_name: className, config } = json as { class_name?: unknown; config?: Record<string, unknown> };
  if (className !== 'VarianceScaling') return byClassName(String(className), fallback);
  const scale = config?.scale ?? 1;
  const mode = String(config?.mode ?? 'fan_in').replace(/([A-Z])/g, '_$1').toLowerCase();
  const uniform = config?.distribution === 'uniform';
  if (scale === 1 && mode === 'fan_avg') return uniform ? 'glorotUniform' : 'glorotNormal';
  if (scale === 2 && mode === 'fan_in') return uniform ? 'heUniform' : 'heNormal';
  if (scale === 1 && mode === 'fan_in' && !uniform) return 'lecunNormal';
  return fallback;
}

function byClassName(className: string, fallback: InitializerName): InitializerName {
  const names: Record<string, InitializerName> = {
    GlorotUniform: 'glorotUniform',
    glorot_uniform: 'glorotUniform',
    GlorotNormal: 'glorotNormal',
    glorot_normal: 'glorotNormal',
    HeNormal: 'heNormal',
    he_normal: 'heNormal',
    HeUniform: 'heUniform',
    he_uniform: 'heUniform',
    LecunNormal: 'lecunNormal',
    LeCunNormal: 'lecunNormal',
    lecun_normal: 'lecunNormal',
    Zeros: 'zeros',
    zeros: 'zeros',
    Ones: 'ones',
    ones: 'ones',
  };
  return names[className] ?? fallback;
}
