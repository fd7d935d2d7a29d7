import { ArgumentError, describeValue, type OptimizerSpec, scheduledLearningRate } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { tfjsOptimizer } from './tfjs-optimizer';

/** tf.train optimizers keep their rate in `learningRate` (SGD and Momentum also in a scalar, set by `setLearningRate`). */
type RateHolder = tf.Optimizer & { learningRate?: number; setLearningRate?: (lr: number) => void };

/**
 * A tf.train optimizer with what Keras 3's base optimizer adds around every rule, applied as core's
 * createOptimizer applies it, so both backends take the same steps: the learning rate (settable, or a schedule
 * evaluated at the step count before each update), gradient clipping (`clipnorm`, `globalClipnorm`,
 * `clipvalue`: computeGradients, clip, applyGradients), and decoupled weight decay w −= w·wd·lr before
 * the update (AdamWOptimizer applies its own).
 */
export class TfjsOptimizerRun {
  readonly optimizer: tf.Optimizer;
  private fixedRate: number;
  private steps = 0;
  /** The rate last handed to the tf.train optimizer (SGD rebuilds a scalar when it changes). */
  private applied: number;

  constructor(private readonly spec: Required<OptimizerSpec>) {
    this.optimizer = tfjsOptimizer(spec);
    this.fixedRate = spec.learningRate;
    this.applied = spec.learningRate;
  }

  get iterations(): number {
    return this.steps;
  }

  get learningRate(): number {
    return this.spec.learningRateSchedule ? scheduledLearningRate(this.spec.learningRateSchedule, this.steps) : this.fixedRate;
  }

  set learningRate(value: number) {
    if (this.spec.learningRateSchedule) {
      throw new ArgumentError(`${this.spec.name} was created with a learning-rate schedule (${this.spec.learningRateSchedule.className}), hence its learning rate is not settable`);
    }
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw new ArgumentError(`${this.spec.name} learningRate must be a positive finite number, got ${describeValue(value)}`);
    }
    this.fixedRate = value;
  }

  /** One update from gradients of `computeGradients` (the caller disposes them). */
  apply(grads: tf.NamedTensorMap, variables: readonly tf.Variable[]): void {
    const lr = this.learningRate;
    if (lr !== this.applied) {
      const holder = this.optimizer as RateHolder;
      if (holder.setLearningRate) holder.setLearningRate(lr);
      else holder.learningRate = lr;
      this.applied = lr;
    }
    const s = this.spec;
    const clipped = s.clipnorm > 0 || s.clipvalue > 0 || s.globalClipnorm > 0 ? clip(grads, s) : grads;
    if (s.weightDecay > 0 && s.name !== 'adamw') {
      tf.tidy(() => {
        for (const v of variables) v.assign(tf.sub(v, tf.mul(v, s.weightDecay * lr)));
      });
    }
    this.optimizer.applyGradients(clipped);
    if (clipped !== grads) tf.dispose(Object.values(clipped));
    this.steps += 1;
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}

/** Keras 3's `_clip_gradients` in tf ops: each tensor to its own norm, all to the global norm, or elementwise. */
function clip(grads: tf.NamedTensorMap, s: Required<OptimizerSpec>): tf.NamedTensorMap {
  return tf.tidy(() => {
    const names = Object.keys(grads);
    const out: tf.NamedTensorMap = {};
    if (s.clipvalue > 0) {
      for (const n of names) out[n] = tf.clipByValue(grads[n], -s.clipvalue, s.clipvalue);
    } else {
      const norms = names.map((n) => tf.sqrt(tf.sum(tf.square(grads[n]))));
      const global = s.globalClipnorm > 0 ? tf.sqrt(tf.addN(norms.map((x) => tf.square(x)))) : null;
      const c = s.clipnorm > 0 ? s.clipnorm : s.globalClipnorm;
      names.forEach((n, i) => {
        out[n] = tf.div(tf.mul(grads[n], c), tf.maximum(global ?? norms[i], c));
      });
    }
    for (const n of names) tf.keep(out[n]);
    return out;
  });
}

