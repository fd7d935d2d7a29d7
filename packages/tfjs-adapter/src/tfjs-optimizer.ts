import { type OptimizerSpec, optimizerNames, optimizerSpec } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsUnsupportedError } from './errors';

/**
 * The tf.train twin of a core optimizer, with the same hyper-parameters. Core's update rules are written in
 * the tf.train forms (see core's kernels.ts), so the trajectories agree step by step:
 * - sgd → tf.train.sgd(lr): w −= lr·g
 * - sgd + momentum → tf.train.momentum(lr, μ, nesterov): v = μv + g; w −= lr·v (or lr·(g + μv)).
 *   Porting note: Keras's SGD keeps v = μv − lr·g instead; same weights for a constant learning rate.
 * - adam → tf.train.adam(lr, β₁, β₂, ε): ε added outside the √ of the bias-corrected v (Keras adds it to
 *   the uncorrected √v, scaled: a tiny difference while v is small).
 * - rmsprop → tf.train.rmsprop(lr, ρ, μ, ε): ε inside the √ (Keras adds it outside).
 */
export function tfjsOptimizer(spec: OptimizerSpec): tf.Optimizer {
  const s = optimizerSpec(spec);
  switch (s.name) {
    case 'sgd':
      return s.momentum > 0 ? tf.train.momentum(s.learningRate, s.momentum, s.nesterov) : tf.train.sgd(s.learningRate);
    case 'adam':
      return tf.train.adam(s.learningRate, s.beta1, s.beta2, s.epsilon);
    case 'rmsprop':
      return tf.train.rmsprop(s.learningRate, s.rho, s.momentum, s.epsilon, false);
    default:
      throw new TfjsUnsupportedError('optimizer', String((s as { name: unknown }).name), optimizerNames);
  }
}

/** The core spec of a tf.train optimizer (as found on a compiled tfjs model), or null when core has no twin. */
export function optimizerFromTfjs(optimizer: tf.Optimizer): Required<OptimizerSpec> | null {
  const config = optimizer.getConfig() as Record<string, number | boolean | undefined>;
  const className = (optimizer.constructor as { className?: string }).className ?? optimizer.getClassName();
  const lr = config.learningRate as number;
  switch (className) {
    case 'SGD':
      return optimizerSpec({ name: 'sgd', learningRate: lr });
    case 'Momentum':
      return optimizerSpec({ name: 'sgd', learningRate: lr, momentum: config.momentum as number, nesterov: Boolean(config.useNesterov) });
    case 'Adam':
      return optimizerSpec({
        name: 'adam',
        learningRate: lr,
        beta1: config.beta1 as number,
        beta2: config.beta2 as number,
        epsilon: (config.epsilon as number | undefined) ?? undefined,
      });
    case 'RMSProp':
      if (config.centered) return null;
      return optimizerSpec({
        name: 'rmsprop',
        learningRate: lr,
        rho: config.decay as number,
        momentum: config.momentum as number,
        epsilon: (config.epsilon as number | undefined) ?? undefined,
      });
    default:
      return null;
  }
}
