/**
 * Every weight regularizer and weight constraint, defined once: its names (core's = tfjs's camelCase,
 * Keras's snake_case string, the class model.json stores) and its defaults. The math lives beside it in
 * `regularizers/`; the facade, model.json and the tfjs adapter derive their tables from here.
 *
 * A regularizer adds a penalty to the loss: l1·Σ|w| + l2·Σw² (Keras's `L1L2.__call__`, tfjs's `L1L2.apply`).
 */
export const REGULARIZER_DESCRIPTORS = {
  // Keras: regularizers.get('l1') is L1(l1=0.01); tfjs has no 'l1' string, only the l1() factory (default 0.01).
  l1: { keras: 'l1', kerasClass: 'L1', defaults: { l1: 0.01, l2: 0 }, kerasDefaults: { l1: 0.01, l2: 0 } },
  // Keras: 'l2' is L2(l2=0.01); tfjs's l2() factory defaults to 0.01 too.
  l2: { keras: 'l2', kerasClass: 'L2', defaults: { l1: 0, l2: 0.01 }, kerasDefaults: { l1: 0, l2: 0.01 } },
  // tfjs: the string 'l1l2' and l1l2() are L1L2 with l1 = l2 = 0.01 (tfjs-layers regularizers.ts).
  // Porting note: Keras 3's string 'l1l2' is L1L2() with l1 = l2 = 0 (no penalty); here the string is tfjs's.
  // Keras's class L1L2 read from model.json without a coefficient takes Keras's 0.
  l1l2: { keras: 'l1l2', kerasClass: 'L1L2', defaults: { l1: 0.01, l2: 0.01 }, kerasDefaults: { l1: 0, l2: 0 } },
} as const satisfies Record<string, RegularizerDescriptor>;

export interface RegularizerDescriptor {
  readonly keras: string;
  readonly kerasClass: string;
  /** tfjs's defaults (core's name is tfjs's). */
  readonly defaults: { readonly l1: number; readonly l2: number };
  /** Keras's defaults, for its string and its class without arguments. */
  readonly kerasDefaults: { readonly l1: number; readonly l2: number };
}

export type RegularizerName = keyof typeof REGULARIZER_DESCRIPTORS;

/** Every string naming a regularizer: core's / tfjs's and Keras's. */
export type RegularizerString = RegularizerName | (typeof REGULARIZER_DESCRIPTORS)[RegularizerName]['keras'];

/**
 * A constraint projects a weight after every optimizer update (Keras 3's `Optimizer.apply` assigns
 * `variable.constraint(variable)`), with `axis` the axis the norm runs over (0 for a Dense kernel
 * [inputs, units]: the norm of each unit's incoming weights).
 */
export const CONSTRAINT_DESCRIPTORS = {
  maxNorm: { keras: 'max_norm', kerasClass: 'MaxNorm', defaults: { maxValue: 2, axis: 0 } },
  nonNeg: { keras: 'non_neg', kerasClass: 'NonNeg', defaults: {} },
  unitNorm: { keras: 'unit_norm', kerasClass: 'UnitNorm', defaults: { axis: 0 } },
} as const satisfies Record<string, ConstraintDescriptor>;

export interface ConstraintDescriptor {
  readonly keras: string;
  readonly kerasClass: string;
  readonly defaults: { readonly maxValue?: number; readonly axis?: number };
}

export type ConstraintName = keyof typeof CONSTRAINT_DESCRIPTORS;

/** Every string naming a constraint: core's / tfjs's and Keras's. */
export type ConstraintString = ConstraintName | (typeof CONSTRAINT_DESCRIPTORS)[ConstraintName]['keras'];

export const regularizerNames = Object.keys(REGULARIZER_DESCRIPTORS) as RegularizerName[];
export const constraintNames = Object.keys(CONSTRAINT_DESCRIPTORS) as ConstraintName[];
