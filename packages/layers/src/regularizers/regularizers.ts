import { type ConstraintConfig, type RegularizerConfig, resolveConstraint, resolveRegularizer } from '@backprop/core';

/**
 * tfjs's `tf.regularizers` factories (tfjs-layers exports l1, l2 and l1l2, each an L1L2 with 0.01 as the
 * default coefficient): `Dense(64, { kernelRegularizer: regularizers.l2({ l2: 1e-4 }) })`.
 */
export const regularizers = {
  l1: (config: { l1?: number } = {}): RegularizerConfig => resolveRegularizer({ className: 'L1', config: { l1: config.l1 ?? 0.01 } }, 'regularizers.l1')!,
  l2: (config: { l2?: number } = {}): RegularizerConfig => resolveRegularizer({ className: 'L2', config: { l2: config.l2 ?? 0.01 } }, 'regularizers.l2')!,
  l1l2: (config: { l1?: number; l2?: number } = {}): RegularizerConfig =>
    resolveRegularizer({ className: 'L1L2', config: { l1: config.l1 ?? 0.01, l2: config.l2 ?? 0.01 } }, 'regularizers.l1l2')!,
};

/** tfjs's `tf.constraints` factories: `maxNorm({ maxValue: 2, axis: 0 })`, `nonNeg()`, `unitNorm({ axis: 0 })` (Keras's defaults). */
export const constraints = {
  maxNorm: (config: { maxValue?: number; axis?: number } = {}): ConstraintConfig => resolveConstraint({ className: 'MaxNorm', config }, 'constraints.maxNorm')!,
  nonNeg: (): ConstraintConfig => resolveConstraint('nonNeg', 'constraints.nonNeg')!,
  unitNorm: (config: { axis?: number } = {}): ConstraintConfig => resolveConstraint({ className: 'UnitNorm', config }, 'constraints.unitNorm')!,
};
