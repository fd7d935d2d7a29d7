import type { ConstraintConfig, DenseConfig, RegularizerConfig } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import type { TfjsLayerGroup } from './spec-to-tfjs-model';

/** A resolved regularizer as tfjs's own: `tf.regularizers.l1l2({ l1, l2 })` (every tfjs regularizer is an L1L2). */
export function tfjsRegularizer(r: RegularizerConfig | null | undefined): ReturnType<typeof tf.regularizers.l1l2> | undefined {
  return r ? tf.regularizers.l1l2({ l1: r.config.l1, l2: r.config.l2 }) : undefined;
}

/** A resolved constraint as tfjs's own `tf.constraints.*`. */
export function tfjsConstraint(c: ConstraintConfig | null | undefined): ReturnType<typeof tf.constraints.nonNeg> | undefined {
  if (!c) return undefined;
  if (c.className === 'NonNeg') return tf.constraints.nonNeg();
  if (c.className === 'UnitNorm') return tf.constraints.unitNorm({ axis: c.config.axis });
  return tf.constraints.maxNorm({ maxValue: c.config.maxValue, axis: c.config.axis });
}

/**
 * The regularizer and constraint arguments of `tf.layers.dense` for a Dense config. The activity regularizer
 * is left out: tfjs-layers throws NotImplementedError when a layer with one is applied, so the backend adds
 * that penalty itself (see `activityPenalty`).
 */
export function denseRegularization(config: DenseConfig): Pick<Parameters<typeof tf.layers.dense>[0], 'kernelRegularizer' | 'biasRegularizer' | 'kernelConstraint' | 'biasConstraint'> {
  return {
    kernelRegularizer: tfjsRegularizer(config.kernelRegularizer),
    biasRegularizer: tfjsRegularizer(config.biasRegularizer),
    kernelConstraint: tfjsConstraint(config.kernelConstraint),
    biasConstraint: tfjsConstraint(config.biasConstraint),
  };
}

/**
 * The activity penalty of a Dense group's output, divided by the batch size as Keras 3 does
 * (keras/src/layers/layer.py); null when the group has none.
 */
export function activityPenalty(group: TfjsLayerGroup, output: tf.Tensor, rows: number): tf.Scalar | null {
  if (group.config.className !== 'Dense' || !group.config.config.activityRegularizer) return null;
  return tf.div(tfjsRegularizer(group.config.config.activityRegularizer)!.apply(output), rows) as tf.Scalar;
}

/** Σ of the weight penalties tfjs-layers registered on the layers (`layer.losses`, one function per regularized weight). */
export function weightPenalties(groups: readonly TfjsLayerGroup[]): tf.Scalar[] {
  return groups.flatMap((g) => (g.dense ? g.dense.losses.map((fn) => fn() as tf.Scalar) : []));
}

/**
 * Project every constrained weight after an update, as Keras's optimizer does. The backend applies gradients
 * to the variables directly, so tfjs-layers' `LayerVariable.write` (which would apply the constraint) is not on
 * the path: the layer's own constraint object is applied here.
 */
export function applyConstraints(groups: readonly TfjsLayerGroup[]): void {
  for (const g of groups) {
    for (const w of g.dense?.trainableWeights ?? []) {
      if (!w.constraint) continue;
      const variable = w.read() as tf.Variable;
      tf.tidy(() => variable.assign(w.constraint.apply(variable)));
    }
  }
}
