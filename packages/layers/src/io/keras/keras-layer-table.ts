/**
 * The Keras layers a `.keras` / `.h5` file may hold, one entry each: every key of the layer's Keras config
 * and what this library accepts for it. `read` keys are read by the layer (model-topology.ts builds it and
 * checks their values); the others must hold Keras's default — a regularizer, a constraint, a
 * `channels_first` Flatten would change what the model computes, so any other value is refused by name
 * (KerasNotSupportedError) rather than dropped. Keys are Keras 3's (keras/src/layers/**), plus the
 * Keras 2 / tf.keras spellings a legacy `.h5` carries. Adding a layer is one entry here (and its case in
 * model-topology.ts, which the tfjs format shares).
 */

export interface OptionRule {
  readonly accepts: (value: unknown) => boolean;
  /** What is accepted, for the error message. */
  readonly expected: string;
}

const read: OptionRule = { accepts: () => true, expected: 'any value' };

/** Only these values (compared as JSON); `undefined` (key absent) is always fine. */
function only(...values: unknown[]): OptionRule {
  const texts = values.map((v) => JSON.stringify(v));
  return { accepts: (value) => texts.includes(JSON.stringify(value)), expected: texts.join(' or ') };
}

/** float32 as Keras 2 (`"float32"`), Keras 3 (a `DTypePolicy` object) or tf.keras mixed precision (`Policy`) writes it. */
const float32: OptionRule = {
  accepts: (value) => {
    if (value === null || value === 'float32') return true;
    const policy = value as { class_name?: unknown; config?: { name?: unknown } };
    return typeof value === 'object' && (policy.class_name === 'DTypePolicy' || policy.class_name === 'Policy') && policy.config?.name === 'float32';
  },
  expected: '"float32" (or a DTypePolicy of float32)',
};

const none = only(null);

/** Keys every Keras layer config has (keras/src/layers/layer.py `get_config`), and tf.keras's input keys. */
const BASE: Record<string, OptionRule> = {
  name: read,
  trainable: only(true),
  dtype: float32,
  batch_input_shape: read,
  batch_shape: read,
  input_shape: read,
  activity_regularizer: none,
};

/** Dense and Conv's weight options. */
const WEIGHTS: Record<string, OptionRule> = {
  activation: read,
  use_bias: read,
  kernel_initializer: read,
  bias_initializer: read,
  kernel_regularizer: none,
  bias_regularizer: none,
  kernel_constraint: none,
  bias_constraint: none,
};

export interface KerasLayerEntry {
  /** The config keys besides BASE. */
  readonly options: Readonly<Record<string, OptionRule>>;
}

export const KERAS_LAYERS: Readonly<Record<string, KerasLayerEntry>> = {
  InputLayer: { options: { sparse: only(false), ragged: only(false), optional: only(false) } },
  Dense: { options: { units: read, ...WEIGHTS, quantization_config: none, lora_rank: none, lora_alpha: read } },
  Dropout: { options: { rate: read, noise_shape: none, seed: read } },
  Activation: { options: { activation: read } },
  Flatten: { options: { data_format: only('channels_last') } },
  Reshape: { options: { target_shape: read } },
  LeakyReLU: { options: { negative_slope: read, alpha: read } },
  ELU: { options: { alpha: read } },
  // The image layers (issue #12) read and check their own geometry keys (spatial-layers-json.ts):
  // data_format channels_first, groups ≠ 1 and keepdims are refused there.
  Conv2D: { options: { filters: read, kernel_size: read, strides: read, padding: read, data_format: read, dilation_rate: read, groups: read, ...WEIGHTS, lora_rank: none } },
  MaxPooling2D: { options: { pool_size: read, strides: read, padding: read, data_format: read } },
  AveragePooling2D: { options: { pool_size: read, strides: read, padding: read, data_format: read } },
  GlobalAveragePooling2D: { options: { data_format: read, keepdims: read } },
  ZeroPadding2D: { options: { padding: read, data_format: read } },
  // keras/src/layers/normalization/batch_normalization.py `get_config`; axis, momentum, epsilon, center,
  // scale and the initializers are read (batch-normalization-json.ts). What would change the results is
  // refused: regularizers, constraints, cross-replica statistics (synchronized), batch renormalization;
  // tf.keras 2's virtual_batch_size and adjustment too. `fused` (tf.keras 2) picks a kernel, not the math.
  BatchNormalization: {
    options: {
      axis: read,
      momentum: read,
      epsilon: read,
      center: read,
      scale: read,
      beta_initializer: read,
      gamma_initializer: read,
      moving_mean_initializer: read,
      moving_variance_initializer: read,
      beta_regularizer: none,
      gamma_regularizer: none,
      beta_constraint: none,
      gamma_constraint: none,
      synchronized: only(false),
      renorm: only(false),
      renorm_clipping: none,
      renorm_momentum: read,
      fused: read,
      virtual_batch_size: none,
      adjustment: none,
    },
  },
};

/** The layer classes a Keras file may hold, for messages. */
export const kerasLayerClassNames: readonly string[] = Object.keys(KERAS_LAYERS);

/** The first config key of a `className` layer whose value is not accepted, with what is, or null when all are. */
export function unsupportedOption(className: string, config: Record<string, unknown>): { key: string; value: unknown; expected: string } | null {
  const rules = { ...BASE, ...KERAS_LAYERS[className].options };
  for (const [key, value] of Object.entries(config)) {
    const rule = rules[key];
    if (!rule) return { key, value, expected: 'no such option (this library does not know it)' };
    if (value !== undefined && !rule.accepts(value)) return { key, value, expected: rule.expected };
  }
  return null;
}

/**
 * Keras's snake_case of a class name (keras/src/utils/naming.py `to_snake_case`): `Dense` → `dense`,
 * `BatchNormalization` → `batch_normalization`, `Conv2D` → `conv2d`. `.keras` weight files name each
 * layer's group by it, not by the layer's name.
 */
export function kerasSnakeCase(className: string): string {
  return className
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
