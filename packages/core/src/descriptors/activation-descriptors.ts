/**
 * Every activation's names, defined once: core's name, how Keras and TensorFlow.js spell it, the aliases
 * accepted for it, and its code in the WebAssembly kernels (assembly/activations.ts). The registry, the
 * wasm kernels, the model.json reader and writer and the tfjs mapping all derive their tables from here.
 */
export const ACTIVATION_DESCRIPTORS = {
  // The perceptron's unit step (Rosenblatt, 1958): no Keras or tfjs counterpart.
  step: { wasmCode: 0, defaultAlpha: 0, keras: null, tfjs: null, kerasLayer: null, aliases: [] },
  linear: { wasmCode: 1, defaultAlpha: 0, keras: 'linear', tfjs: 'linear', kerasLayer: null, aliases: ['identity'] },
  sigmoid: { wasmCode: 2, defaultAlpha: 0, keras: 'sigmoid', tfjs: 'sigmoid', kerasLayer: null, aliases: ['logistic'] },
  tanh: { wasmCode: 3, defaultAlpha: 0, keras: 'tanh', tfjs: 'tanh', kerasLayer: null, aliases: [] },
  relu: { wasmCode: 4, defaultAlpha: 0, keras: 'relu', tfjs: 'relu', kerasLayer: null, aliases: [] },
  // Keras's LeakyReLU default negative slope is 0.3 (tf.keras). Neither Keras 2 nor tfjs has an activation
  // string with a slope, so it is written as its own layer, `LeakyReLU(alpha)` (Keras's automatic name `leaky_re_lu`).
  leakyRelu: {
    wasmCode: 5,
    defaultAlpha: 0.3,
    keras: null,
    tfjs: null,
    kerasLayer: { className: 'LeakyReLU', prefix: 'leaky_re_lu' },
    aliases: ['leaky_relu', 'leakyrelu'],
  },
  // Keras's 'elu' string fixes alpha = 1; any other alpha needs the `ELU(alpha)` layer.
  elu: { wasmCode: 6, defaultAlpha: 1, keras: 'elu', tfjs: 'elu', kerasLayer: { className: 'ELU', prefix: 'elu' }, aliases: [] },
  softmax: { wasmCode: 7, defaultAlpha: 0, keras: 'softmax', tfjs: 'softmax', kerasLayer: null, aliases: [] },
} as const satisfies Record<string, ActivationDescriptor>;

/** What one entry of `ACTIVATION_DESCRIPTORS` holds. */
export interface ActivationDescriptor {
  /** The activation's code in the wasm kernels. */
  readonly wasmCode: number;
  /** Default for `alpha` (leakyRelu slope, elu scale); 0 where unused. */
  readonly defaultAlpha: number;
  /** Keras's activation string (the same in tfjs's model.json), or null when no string holds it. */
  readonly keras: string | null;
  /** tfjs's Dense `activation` identifier, or null when tfjs's Dense cannot take it. */
  readonly tfjs: string | null;
  /** The Keras layer that holds the activation with a parameter (written after a linear Dense). */
  readonly kerasLayer: { readonly className: string; readonly prefix: string } | null;
  /** Other accepted spellings (Keras snake_case, scikit-learn names). */
  readonly aliases: readonly string[];
}

/** Names of the activations every kernel set implements. */
export type ActivationName = keyof typeof ACTIVATION_DESCRIPTORS;

/** Every spelling of an activation that the public options accept: core's names and their aliases. */
export type ActivationIdentifier = ActivationName | (typeof ACTIVATION_DESCRIPTORS)[ActivationName]['aliases'][number];

/** Core's activation names, in kernel-code order. */
export const activationNames = Object.keys(ACTIVATION_DESCRIPTORS) as ActivationName[];

/** alias → core name, derived from the descriptors. */
export const activationAliases: Readonly<Record<string, ActivationName>> = Object.fromEntries(
  activationNames.flatMap((name) => ACTIVATION_DESCRIPTORS[name].aliases.map((alias) => [alias, name])),
);

/** The descriptor of a core activation name. */
export function activationDescriptor(name: ActivationName): ActivationDescriptor {
  return ACTIVATION_DESCRIPTORS[name];
}
