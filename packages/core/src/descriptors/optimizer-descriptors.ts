/**
 * Every optimizer's names, defined once: core's name, Keras's class (also accepted as a string, as
 * `compile(optimizer='RMSprop')` is in Keras), and the tf.train classes that compute the same update.
 * The registry, the facade's option types and the tfjs adapter derive from here.
 */
export const OPTIMIZER_DESCRIPTORS = {
  sgd: { keras: 'SGD', tfjsClasses: ['SGD', 'Momentum'] },
  adam: { keras: 'Adam', tfjsClasses: ['Adam'] },
  rmsprop: { keras: 'RMSprop', tfjsClasses: ['RMSProp'] },
} as const satisfies Record<string, OptimizerDescriptor>;

/** What one entry of `OPTIMIZER_DESCRIPTORS` holds. */
export interface OptimizerDescriptor {
  /** Keras's class name (`keras.optimizers.SGD`). */
  readonly keras: string;
  /** `getClassName()` of the tf.train optimizers that run this rule. */
  readonly tfjsClasses: readonly string[];
}

export type OptimizerName = keyof typeof OPTIMIZER_DESCRIPTORS;

/** Every optimizer name the public options accept: core's and Keras's class names. */
export type OptimizerIdentifier = OptimizerName | (typeof OPTIMIZER_DESCRIPTORS)[OptimizerName]['keras'];

export const optimizerNames = Object.keys(OPTIMIZER_DESCRIPTORS) as OptimizerName[];

/** The core optimizer for a tf.train class name, or null when core has no twin. */
export function optimizerOfTfjsClass(className: string): OptimizerName | null {
  return optimizerNames.find((name) => (OPTIMIZER_DESCRIPTORS[name].tfjsClasses as readonly string[]).includes(className)) ?? null;
}
