/**
 * Every optimizer's names and defaults, defined once: core's name, Keras's class (also accepted as a string, as
 * `compile(optimizer='RMSprop')` is in Keras), the tf.train classes that compute the same update, the
 * hyper-parameters each rule reads with Keras 3's defaults (keras/src/optimizers/<name>.py), and the names of
 * the state it keeps per parameter, in Keras's order (`add_optimizer_variables(var_list, "momentum")`).
 * The registry, the facade's option types and factories, and the tfjs adapter derive from here.
 */
export const OPTIMIZER_DESCRIPTORS = {
  sgd: { keras: 'SGD', tfjsClasses: ['SGD', 'Momentum'], defaults: { learningRate: 0.01, momentum: 0, nesterov: false }, slots: ['momentum'] },
  adam: { keras: 'Adam', tfjsClasses: ['Adam'], defaults: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, slots: ['momentum', 'velocity'] },
  rmsprop: { keras: 'RMSprop', tfjsClasses: ['RMSProp'], defaults: { learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 }, slots: ['velocity', 'momentum'] },
  // keras/src/optimizers/adagrad.py: accumulators start at initial_accumulator_value (tf.train.adagrad's too).
  adagrad: { keras: 'Adagrad', tfjsClasses: ['Adagrad'], defaults: { learningRate: 0.001, initialAccumulatorValue: 0.1, epsilon: 1e-7 }, slots: ['accumulator'] },
  adadelta: { keras: 'Adadelta', tfjsClasses: ['Adadelta', 'KerasAdadelta'], defaults: { learningRate: 0.001, rho: 0.95, epsilon: 1e-7 }, slots: ['accumulated_grad', 'accumulated_delta_var'] },
  adamax: { keras: 'Adamax', tfjsClasses: ['Adamax'], defaults: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, slots: ['m', 'u'] },
  // tfjs has no Nadam nor AdamW, and its Adadelta is not Keras's: the adapter defines tf.Optimizer subclasses
  // (KerasAdadelta, Nadam, AdamW); a tf.train.adadelta given to compile runs Keras's rule.
  nadam: { keras: 'Nadam', tfjsClasses: ['Nadam'], defaults: { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, slots: ['momentum', 'velocity'] },
  adamw: {
    keras: 'AdamW',
    tfjsClasses: ['AdamW'],
    defaults: { learningRate: 0.001, weightDecay: 0.004, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    slots: ['momentum', 'velocity'],
  },
} as const satisfies Record<string, OptimizerDescriptor>;

/** The hyper-parameters an optimizer rule may read (see `OptimizerSpec` in the registry). */
export type OptimizerHyperParameter =
  | 'learningRate'
  | 'momentum'
  | 'nesterov'
  | 'beta1'
  | 'beta2'
  | 'epsilon'
  | 'rho'
  | 'initialAccumulatorValue'
  | 'weightDecay';

/** What one entry of `OPTIMIZER_DESCRIPTORS` holds. */
export interface OptimizerDescriptor {
  /** Keras's class name (`keras.optimizers.SGD`). */
  readonly keras: string;
  /** `getClassName()` of the tf.train optimizers that run this rule. */
  readonly tfjsClasses: readonly string[];
  /** The hyper-parameters this rule reads, with Keras 3's defaults. */
  readonly defaults: Partial<Record<OptimizerHyperParameter, number | boolean>>;
  /** Names of the state kept per parameter, in Keras's order (Keras's variable suffixes). */
  readonly slots: readonly string[];
}

export type OptimizerName = keyof typeof OPTIMIZER_DESCRIPTORS;

/** Every optimizer name the public options accept: core's and Keras's class names. */
export type OptimizerIdentifier = OptimizerName | (typeof OPTIMIZER_DESCRIPTORS)[OptimizerName]['keras'];

export const optimizerNames = Object.keys(OPTIMIZER_DESCRIPTORS) as OptimizerName[];

/** The core optimizer for a tf.train class name, or null when core has no twin. */
export function optimizerOfTfjsClass(className: string): OptimizerName | null {
  return optimizerNames.find((name) => (OPTIMIZER_DESCRIPTORS[name].tfjsClasses as readonly string[]).includes(className)) ?? null;
}
