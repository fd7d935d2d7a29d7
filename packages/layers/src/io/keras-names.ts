import {
  ACTIVATION_DESCRIPTORS,
  type ActivationDescriptor,
  type ActivationName,
  type ActivationSpec,
  ArgumentError,
  activationNames,
  INITIALIZER_DESCRIPTORS,
  type InitializerDescriptor,
  type InitializerName,
  type InitializerSpec,
  initializerByKerasClass,
  initializerFromObject,
} from '@backprop/core';

/**
 * Translations between this engine's names and the Keras / TensorFlow.js layers format: activation
 * strings and initializer configs. Kept in one table each so save and load are inverses.
 */

/** Core activation → Keras activation string (the same in tfjs's model.json), from the descriptors. */
const KERAS_ACTIVATIONS: Record<string, string> = Object.fromEntries(
  activationNames.flatMap((name) => {
    const keras: string | null = ACTIVATION_DESCRIPTORS[name].keras;
    return keras === null ? [] : [[name, keras]];
  }),
);

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
  const descriptor: ActivationDescriptor = ACTIVATION_DESCRIPTORS[activation.name];
  const layer = descriptor.kerasLayer;
  // An activation string holds it when the string's fixed parameter (elu's alpha 1) matches.
  if (!layer || (descriptor.keras !== null && activation.alpha === descriptor.defaultAlpha)) return null;
  return { className: layer.className as KerasActivationLayerName, prefix: layer.prefix, alpha: activation.alpha };
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
export function coreActivation(kerasName: string): ActivationName | null {
  return activationNames.find((name) => KERAS_ACTIVATIONS[name] === kerasName) ?? null;
}

export const supportedKerasActivations: readonly string[] = Object.values(KERAS_ACTIVATIONS);

/** Activation layers that load as an activation: the class names `kerasActivationLayer` writes. */
export const kerasActivationLayerNames = activationNames.flatMap((name) => {
  const layer: ActivationDescriptor['kerasLayer'] = ACTIVATION_DESCRIPTORS[name].kerasLayer;
  return layer ? [layer.className as KerasActivationLayerName] : [];
});

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
export function kerasInitializer(name: InitializerName | InitializerSpec): InitializerJson {
  if (typeof name === 'object') return { class_name: INITIALIZER_DESCRIPTORS[name.name].kerasClass, config: { ...name.config, seed: null } };
  const descriptor: InitializerDescriptor = INITIALIZER_DESCRIPTORS[name];
  return { class_name: descriptor.kerasClass, config: { ...descriptor.kerasConfig } };
}

/**
 * Keras initializer config → core name. Unknown initializers fall back to `fallback`: a loaded
 * model's weights come from weights.bin, so the initializer matters only if the model is rebuilt.
 */
export function coreInitializer(json: unknown, fallback: InitializerName): InitializerName | InitializerSpec {
  if (json === null || typeof json !== 'object') return typeof json === 'string' ? byClassName(json, fallback) : fallback;
  const { class_name: className, config } = json as { class_name?: unknown; config?: Record<string, unknown> };
  // The configurable ones keep their config (RandomNormal's stddev, …).
  if (className === 'RandomNormal' || className === 'RandomUniform' || className === 'TruncatedNormal') return initializerFromObject(json, 'initializer');
  if (className !== 'VarianceScaling') return byClassName(String(className), fallback);
  const scale = config?.scale ?? 1;
  const mode = String(config?.mode ?? 'fan_in').replace(/([A-Z])/g, '_$1').toLowerCase();
  const uniform = config?.distribution === 'uniform';
  if (scale === 1 && mode === 'fan_avg') return uniform ? 'glorotUniform' : 'glorotNormal';
  if (scale === 2 && mode === 'fan_in') return uniform ? 'heUniform' : 'heNormal';
  if (scale === 1 && mode === 'fan_in' && !uniform) return 'lecunNormal';
  if (scale === 1 && mode === 'fan_in' && uniform) return 'lecunUniform';
  return initializerFromObject(json, 'initializer');
}

function byClassName(className: string, fallback: InitializerName): InitializerName {
  return Object.hasOwn(initializerByKerasClass, className) ? initializerByKerasClass[className] : fallback;
}
