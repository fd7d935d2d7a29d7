/**
 * Every loss's names, defined once: core's name, Keras's (snake_case, as in `compile(loss=...)` and a
 * saved training config), tfjs's (camelCase, `tf.losses` / tfjs-layers), and other accepted spellings.
 * The loss registry, the facade's loss resolution and the tfjs adapter derive their tables from here.
 */
export const LOSS_DESCRIPTORS = {
  // The tutorial's ½·Σ(p − t)² per sample: no Keras or tfjs twin.
  sse: { keras: 'sum_squared_error', tfjs: null, aliases: [] },
  mse: { keras: 'mean_squared_error', tfjs: 'meanSquaredError', aliases: [] },
  mae: { keras: 'mean_absolute_error', tfjs: 'meanAbsoluteError', aliases: [] },
  rmse: { keras: 'root_mean_squared_error', tfjs: null, aliases: [] },
  huber: { keras: 'huber_loss', tfjs: null, aliases: [] },
  logCosh: { keras: 'log_cosh', tfjs: null, aliases: ['logcosh'] },
  binaryCrossentropy: { keras: 'binary_crossentropy', tfjs: 'binaryCrossentropy', aliases: ['bce'] },
  categoricalCrossentropy: { keras: 'categorical_crossentropy', tfjs: 'categoricalCrossentropy', aliases: ['cce'] },
  hinge: { keras: 'hinge', tfjs: 'hinge', aliases: [] },
  kld: {
    keras: 'kl_divergence',
    tfjs: 'kullbackLeiblerDivergence',
    aliases: ['kullback_leibler_divergence', 'klDivergence'],
  },
} as const satisfies Record<string, LossDescriptor>;

/** What one entry of `LOSS_DESCRIPTORS` holds. */
export interface LossDescriptor {
  /** Keras's name, or null when Keras has no such loss. */
  readonly keras: string | null;
  /** tfjs's name, or null when tfjs has no such loss. */
  readonly tfjs: string | null;
  readonly aliases: readonly string[];
}

/**
 * Keras's sparse categorical cross-entropy is categorical cross-entropy on one-hot-encoded labels; the
 * facade encodes per batch (see @backprop/layers' loss resolution), so the engine never sees these names.
 */
export const SPARSE_LOSS_NAMES = ['sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy', 'scce'] as const;

export type LossName = keyof typeof LOSS_DESCRIPTORS;

type Descriptor = (typeof LOSS_DESCRIPTORS)[LossName];
type NonNull<T> = T extends null ? never : T;

/** Every spelling of a loss that core accepts: its names, Keras's, tfjs's and the aliases. */
export type CoreLossIdentifier = LossName | NonNull<Descriptor['keras']> | NonNull<Descriptor['tfjs']> | Descriptor['aliases'][number];

/** Every loss name `compile` accepts: core's, plus the sparse ones the facade encodes. */
export type LossIdentifier = CoreLossIdentifier | (typeof SPARSE_LOSS_NAMES)[number];

export const lossNames = Object.keys(LOSS_DESCRIPTORS) as LossName[];

/** Keras, tfjs and other spellings → core name, derived from the descriptors. */
export const lossAliases: Readonly<Record<string, LossName>> = Object.fromEntries(
  lossNames.flatMap((name) => {
    const d: LossDescriptor = LOSS_DESCRIPTORS[name];
    return [d.keras, d.tfjs, ...d.aliases].filter((a): a is string => a !== null && a !== name).map((alias) => [alias, name]);
  }),
);
