import type { ConstraintConfig, RegularizerConfig } from '@backprop/core';
import type { DenseOptions } from '../layers/dense';
import type { DenseRegularization } from '../layers/dense-regularization';

/** A regularizer or constraint as model.json stores it (tfjs's `serializeKerasObject`: class_name, snake_case config). */
export interface SerializedJson {
  readonly class_name: string;
  readonly config: Record<string, number>;
}

/** tfjs writes every regularizer as `{ class_name: 'L1L2', config: { l1, l2 } }`. */
function regularizerJson(r: RegularizerConfig | null): SerializedJson | null {
  return r ? { class_name: 'L1L2', config: { l1: r.config.l1, l2: r.config.l2 } } : null;
}

/** `{ class_name: 'MaxNorm', config: { max_value, axis } }`, as tfjs and Keras write it. */
function constraintJson(c: ConstraintConfig | null): SerializedJson | null {
  if (!c) return null;
  if (c.className === 'MaxNorm') return { class_name: 'MaxNorm', config: { max_value: c.config.maxValue, axis: c.config.axis } };
  return { class_name: c.className, config: { ...c.config } };
}

/** The five Dense config keys of model.json (null where unset). */
export function denseRegularizationJson(r: DenseRegularization): Record<string, SerializedJson | null> {
  return {
    kernel_regularizer: regularizerJson(r.kernelRegularizer),
    bias_regularizer: regularizerJson(r.biasRegularizer),
    activity_regularizer: regularizerJson(r.activityRegularizer),
    kernel_constraint: constraintJson(r.kernelConstraint),
    bias_constraint: constraintJson(r.biasConstraint),
  };
}

/** The Dense arguments from a model.json config: the serialized objects as they are (the Dense resolves and checks them). */
export function denseRegularizationArgs(cfg: Record<string, unknown>): Pick<DenseOptions, keyof DenseRegularization> {
  // Read from a file: the Dense checks each value at run time and names what it expected.
  return {
    kernelRegularizer: cfg.kernel_regularizer as DenseOptions['kernelRegularizer'],
    biasRegularizer: cfg.bias_regularizer as DenseOptions['biasRegularizer'],
    activityRegularizer: cfg.activity_regularizer as DenseOptions['activityRegularizer'],
    kernelConstraint: cfg.kernel_constraint as DenseOptions['kernelConstraint'],
    biasConstraint: cfg.bias_constraint as DenseOptions['biasConstraint'],
  };
}
