/**
 * Every initializer's names, defined once: core's name (tfjs's camelCase), Keras's snake_case string, and
 * the Keras class with its config as model.json stores it. The registry and the model.json reader and
 * writer derive their tables from here.
 */
export const INITIALIZER_DESCRIPTORS = {
  // The backprop tutorial's `np.random.randn(...) / np.sqrt(fanIn)`. Porting note: it has no Keras name and
  // is saved as LeCun normal (VarianceScaling(1, fan_in, normal)), its closest Keras relative.
  tutorial: { keras: null, kerasClass: 'VarianceScaling', kerasConfig: { scale: 1, mode: 'fan_in', distribution: 'normal', seed: null } },
  glorotUniform: { keras: 'glorot_uniform', kerasClass: 'GlorotUniform', kerasConfig: { seed: null } },
  glorotNormal: { keras: 'glorot_normal', kerasClass: 'GlorotNormal', kerasConfig: { seed: null } },
  heNormal: { keras: 'he_normal', kerasClass: 'HeNormal', kerasConfig: { seed: null } },
  heUniform: { keras: 'he_uniform', kerasClass: 'HeUniform', kerasConfig: { seed: null } },
  // LeCun normal is VarianceScaling(1, fan_in, normal) — a truncated normal in both Keras and tfjs.
  lecunNormal: { keras: 'lecun_normal', kerasClass: 'VarianceScaling', kerasConfig: { scale: 1, mode: 'fan_in', distribution: 'normal', seed: null }, aliases: ['leCunNormal'] },
  lecunUniform: { keras: 'lecun_uniform', kerasClass: 'VarianceScaling', kerasConfig: { scale: 1, mode: 'fan_in', distribution: 'uniform', seed: null }, aliases: ['leCunUniform'] },
  zeros: { keras: 'zeros', kerasClass: 'Zeros', kerasConfig: {} },
  ones: { keras: 'ones', kerasClass: 'Ones', kerasConfig: {} },
  // Configurable ones (see initializers/initializer-spec.ts), with Keras 3's defaults as their config.
  randomNormal: { keras: 'random_normal', kerasClass: 'RandomNormal', kerasConfig: { mean: 0, stddev: 0.05, seed: null } },
  randomUniform: { keras: 'random_uniform', kerasClass: 'RandomUniform', kerasConfig: { minval: -0.05, maxval: 0.05, seed: null } },
  truncatedNormal: { keras: 'truncated_normal', kerasClass: 'TruncatedNormal', kerasConfig: { mean: 0, stddev: 0.05, seed: null } },
  varianceScaling: {
    keras: 'variance_scaling',
    kerasClass: 'VarianceScaling',
    kerasConfig: { scale: 1, mode: 'fan_in', distribution: 'truncated_normal', seed: null },
  },
} as const satisfies Record<string, InitializerDescriptor>;

/** What one entry of `INITIALIZER_DESCRIPTORS` holds. */
export interface InitializerDescriptor {
  /** Keras's string identifier, or null. */
  readonly keras: string | null;
  /** The Keras class written to model.json (`class_name`) and its `config`. */
  readonly kerasClass: string;
  readonly kerasConfig: Readonly<Record<string, unknown>>;
  /** Other spellings: tfjs's (`leCunNormal`). */
  readonly aliases?: readonly string[];
}

export type InitializerName = keyof typeof INITIALIZER_DESCRIPTORS;

type NonNull<T> = T extends null ? never : T;

/** Every spelling of an initializer that the public options accept. */
export type InitializerIdentifier = InitializerName | NonNull<(typeof INITIALIZER_DESCRIPTORS)[InitializerName]['keras']> | 'leCunNormal' | 'leCunUniform';

export const initializerNames = Object.keys(INITIALIZER_DESCRIPTORS) as InitializerName[];

/** Keras's snake_case strings → core name (identical strings, such as `zeros`, left out). */
export const initializerAliases: Readonly<Record<string, InitializerName>> = Object.fromEntries(
  initializerNames.flatMap((name) => {
    const d: InitializerDescriptor = INITIALIZER_DESCRIPTORS[name];
    return [d.keras, ...(d.aliases ?? [])].filter((a): a is string => a !== null && a !== name).map((a) => [a, name]);
  }),
);

/**
 * Keras class names and strings → core name, for reading model.json. VarianceScaling is left out: it
 * stands for several initializers and is read from its config. LeCun normal's own class (Keras 3's
 * `LecunNormal`, tfjs's `LeCunNormal`) is accepted too.
 */
export const initializerByKerasClass: Readonly<Record<string, InitializerName>> = {
  ...Object.fromEntries(
    initializerNames.flatMap((name) => {
      const d: InitializerDescriptor = INITIALIZER_DESCRIPTORS[name];
      return d.kerasClass === 'VarianceScaling' && name !== 'varianceScaling' ? [] : [[d.kerasClass, name]];
    }),
  ),
  ...initializerAliases,
  zeros: 'zeros',
  ones: 'ones',
  LecunNormal: 'lecunNormal',
  LecunUniform: 'lecunUniform',
  LeCunUniform: 'lecunUniform',
  LeCunNormal: 'lecunNormal',
};
