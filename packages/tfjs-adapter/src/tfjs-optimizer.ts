import { OPTIMIZER_DESCRIPTORS, type OptimizerSpec, optimizerOfTfjsClass, optimizerSpec } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsUnsupportedError } from './errors';
import { AdadeltaOptimizer } from './tfjs-adadelta';
import { AdamWOptimizer } from './tfjs-adamw';
import { NadamOptimizer } from './tfjs-nadam';

/**
 * The tf.train twin of a core optimizer, with the same hyper-parameters. Core's update rules are written in
 * the tf.train forms where tfjs has the optimizer (see core's kernels.ts), so the trajectories agree step by step:
 * - sgd → tf.train.sgd(lr): w −= lr·g
 * - sgd + momentum → tf.train.momentum(lr, μ, nesterov): v = μv + g; w −= lr·v (or lr·(g + μv)).
 *   Porting note: Keras's SGD keeps v = μv − lr·g instead; same weights for a constant learning rate.
 * - adam → tf.train.adam(lr, β₁, β₂, ε): ε added outside the √ of the bias-corrected v (Keras adds it to
 *   the uncorrected √v, scaled: a tiny difference while v is small).
 * - rmsprop → tf.train.rmsprop(lr, ρ, μ, ε): ε inside the √ (Keras adds it outside).
 * - adagrad → tf.train.adagrad(lr, initialAccumulatorValue), whose ε is the backend's (1e-7, Keras's default);
 *   adamax → tf.train.adamax(lr, β₁, β₂, ε, 0): Keras 3's rules.
 * - adadelta, nadam, adamw → AdadeltaOptimizer, NadamOptimizer, AdamWOptimizer: Keras 3's rules in tf ops
 *   (tfjs has no Nadam nor AdamW, and its Adadelta differs from Keras's, see tfjs-adadelta.ts).
 * Weight decay of the other rules, clipping and schedules are applied around these by TfjsOptimizerRun.
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
    case 'adagrad':
      if (Math.fround(s.epsilon) !== Math.fround(tf.backend().epsilon())) {
        throw new TfjsUnsupportedError('optimizer', 'adagrad', ['adagrad with epsilon 1e-7'], `tf.train.adagrad always uses the backend epsilon ${tf.backend().epsilon()}, got epsilon ${s.epsilon}`);
      }
      return tf.train.adagrad(s.learningRate, s.initialAccumulatorValue);
    case 'adadelta':
      return new AdadeltaOptimizer(s.learningRate, s.rho, s.epsilon);
    case 'adamax':
      return tf.train.adamax(s.learningRate, s.beta1, s.beta2, s.epsilon, 0);
    case 'nadam':
      return new NadamOptimizer(s.learningRate, s.beta1, s.beta2, s.epsilon);
    case 'adamw':
      return new AdamWOptimizer(s.learningRate, s.weightDecay, s.beta1, s.beta2, s.epsilon);
    default:
      throw new TfjsUnsupportedError('optimizer', String((s as { name: unknown }).name), Object.keys(OPTIMIZER_DESCRIPTORS));
  }
}

/** Every tf.train class name core has a twin for (from the descriptor table). */
export const tfjsOptimizerClassNames: readonly string[] = Object.values(OPTIMIZER_DESCRIPTORS).flatMap((d) => d.tfjsClasses);

/** What `getConfig()` of a tf.train optimizer holds (tfjs's camelCase keys). */
type TfjsOptimizerConfig = Record<string, number | boolean | null | undefined>;

/**
 * The core spec of a tf.train optimizer (as found on a compiled tfjs model or given to compile), or null when
 * core has no twin: duck-typed by `getClassName()` and `getConfig()`, its class looked up in the descriptor
 * table's tfjs class names. A null epsilon (tfjs's "use the backend's") becomes Keras's default 1e-7.
 */
export function optimizerFromTfjs(optimizer: { getClassName(): string; getConfig(): object }): Required<OptimizerSpec> | null {
  const config = optimizer.getConfig() as TfjsOptimizerConfig;
  const className = (optimizer.constructor as { className?: string }).className ?? optimizer.getClassName();
  const name = optimizerOfTfjsClass(className);
  if (name === null) return null;
  const lr = config.learningRate as number;
  const epsilon = (config.epsilon ?? undefined) as number | undefined;
  switch (className) {
    case 'SGD':
      return optimizerSpec({ name: 'sgd', learningRate: lr });
    case 'Momentum':
      return optimizerSpec({ name: 'sgd', learningRate: lr, momentum: config.momentum as number, nesterov: Boolean(config.useNesterov) });
    case 'RMSProp':
      if (config.centered) return null;
      return optimizerSpec({ name: 'rmsprop', learningRate: lr, rho: config.decay as number, momentum: config.momentum as number, epsilon });
    case 'Adagrad':
      return optimizerSpec({ name: 'adagrad', learningRate: lr, initialAccumulatorValue: config.initialAccumulatorValue as number });
    case 'KerasAdadelta':
    case 'Adadelta':
      return optimizerSpec({ name: 'adadelta', learningRate: lr, rho: config.rho as number, epsilon });
    case 'Adamax':
      // tfjs's `decay` (lr / (1 + decay·t)) is not a Keras 3 Adamax argument.
      if (config.decay) return null;
      return optimizerSpec({ name: 'adamax', learningRate: lr, beta1: config.beta1 as number, beta2: config.beta2 as number, epsilon });
    case 'AdamW':
      return optimizerSpec({ name: 'adamw', learningRate: lr, weightDecay: config.weightDecay as number, beta1: config.beta1 as number, beta2: config.beta2 as number, epsilon });
    default:
      // Adam, Nadam: the same keys as core's.
      return optimizerSpec({ name, learningRate: lr, beta1: config.beta1 as number, beta2: config.beta2 as number, epsilon });
  }
}

/** `optimizerFromTfjs` for compile: a class without a twin is a TfjsUnsupportedError naming it. */
export function translateTfjsOptimizer(optimizer: { getClassName(): string; getConfig(): object }): Required<OptimizerSpec> {
  const spec = optimizerFromTfjs(optimizer);
  if (spec) return spec;
  const className = (optimizer.constructor as { className?: string }).className ?? optimizer.getClassName();
  const config = optimizer.getConfig() as TfjsOptimizerConfig;
  const detail = config.centered ? 'centered RMSProp' : config.decay && className === 'Adamax' ? `Adamax with decay ${config.decay}` : '';
  throw new TfjsUnsupportedError('tfjs optimizer', className, tfjsOptimizerClassNames, detail && `${detail} has no twin in @backprop/core`);
}
