import type { OptimizerName } from '../descriptors/optimizer-descriptors';
import type { Kernels } from '../kernels/kernels';
import type { OptimizerSpec, ParameterSlot } from './optimizer-registry';

/** What a rule needs at one step besides the spec: the 1-based step t, its learning rate, and the optimizer's scalars. */
export interface StepContext {
  readonly t: number;
  readonly learningRate: number;
  /** Optimizer-wide scalar state (Nadam's `u_product`), kept across steps and in the saved state. */
  readonly scalars: Record<string, number>;
}

/** One optimizer's update rule: the state it keeps per parameter and the update (the math lives in the kernels). */
export interface OptimizerRule {
  /** Names of the state buffers per parameter, a prefix of the descriptor's `slots` (SGD keeps none without momentum). */
  slots(spec: Required<OptimizerSpec>): number;
  /** The value state buffers start at (Adagrad's `initialAccumulatorValue`); default 0. */
  initialValue?(spec: Required<OptimizerSpec>, slotIndex: number): number;
  /** Optimizer-wide scalars and their starting values. */
  readonly scalars?: Readonly<Record<string, number>>;
  /** Runs once per step, before any parameter is updated. */
  beforeStep?(spec: Required<OptimizerSpec>, context: StepContext): void;
  update(kernels: Kernels, spec: Required<OptimizerSpec>, slot: ParameterSlot, state: Float32Array[], context: StepContext): void;
}

/** Nadam's momentum schedule μ_t = β₁(1 − ½·0.96ᵗ) (Dozat 2015, as keras/src/optimizers/nadam.py computes it). */
function nadamMu(beta1: number, t: number): number {
  return beta1 * (1 - 0.5 * 0.96 ** t);
}

/**
 * Every rule, in Keras 3's form unless noted (keras/src/optimizers/<name>.py). SGD, Adam and RMSprop keep the
 * tf.train forms they had (see kernels.ts), so the tfjs backend runs the same numbers with tf.train's optimizers.
 */
export const OPTIMIZER_RULES: Record<OptimizerName, OptimizerRule> = {
  sgd: {
    slots: (s) => (s.momentum > 0 ? 1 : 0),
    update: (k, s, slot, state, c) =>
      s.momentum > 0
        ? k.momentumUpdate(slot.param, slot.grad, state[0], slot.size, c.learningRate, s.momentum, s.nesterov)
        : k.sgdUpdate(slot.param, slot.grad, slot.size, c.learningRate),
  },
  adam: {
    slots: () => 2,
    update: (k, s, slot, state, c) => k.adamUpdate(slot.param, slot.grad, state[0], state[1], slot.size, c.learningRate, s.beta1, s.beta2, s.epsilon, c.t),
  },
  rmsprop: {
    slots: () => 2,
    update: (k, s, slot, state, c) => k.rmspropUpdate(slot.param, slot.grad, state[0], state[1], slot.size, c.learningRate, s.rho, s.momentum, s.epsilon),
  },
  adagrad: {
    slots: () => 1,
    initialValue: (s) => s.initialAccumulatorValue,
    update: (k, s, slot, state, c) => k.adagradUpdate(slot.param, slot.grad, state[0], slot.size, c.learningRate, s.epsilon),
  },
  adadelta: {
    slots: () => 2,
    update: (k, s, slot, state, c) => k.adadeltaUpdate(slot.param, slot.grad, state[0], state[1], slot.size, c.learningRate, s.rho, s.epsilon),
  },
  adamax: {
    slots: () => 2,
    update: (k, s, slot, state, c) => k.adamaxUpdate(slot.param, slot.grad, state[0], state[1], slot.size, c.learningRate, s.beta1, s.beta2, s.epsilon, c.t),
  },
  nadam: {
    slots: () => 2,
    scalars: { u_product: 1 },
    // Keras's Nadam._backend_update_step: u_product ← u_product · μ_t before the variables are updated.
    beforeStep: (s, c) => {
      c.scalars.u_product *= nadamMu(s.beta1, c.t);
    },
    update: (k, s, slot, state, c) => {
      const muT = nadamMu(s.beta1, c.t);
      const muNext = nadamMu(s.beta1, c.t + 1);
      const uProduct = c.scalars.u_product;
      const momentumScale = muNext / (1 - uProduct * muNext);
      const gradientScale = (1 - muT) / (1 - uProduct);
      k.nadamUpdate(slot.param, slot.grad, state[0], state[1], slot.size, c.learningRate, s.beta1, s.beta2, s.epsilon, momentumScale, gradientScale, c.t);
    },
  },
  // Keras 3's AdamW is its Adam with weight_decay 0.004 (the decay itself is the base optimizer's, see
  // createOptimizer). Keras's Adam adds ε to the uncorrected √v: w −= α · m / (√v + ε), α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ),
  // which is adamUpdate's tf.train form with ε' = ε/√(1−β₂ᵗ) and lr' = α·(1−β₁ᵗ)/√(1−β₂ᵗ). Keras takes the
  // powers of β in float32 (`ops.cast(self.beta_2, variable.dtype)`): 1 − fround(0.999) is 1.3e-5 below 0.001,
  // which moves α by 6e-6 relative, so α uses the float32 betas as Keras does.
  adamw: {
    slots: () => 2,
    update: (k, s, slot, state, c) => {
      const c1 = 1 - s.beta1 ** c.t;
      const c2 = 1 - s.beta2 ** c.t;
      const alpha = (c.learningRate * Math.sqrt(1 - Math.fround(s.beta2) ** c.t)) / (1 - Math.fround(s.beta1) ** c.t);
      const rate = (alpha * c1) / Math.sqrt(c2);
      k.adamUpdate(slot.param, slot.grad, state[0], state[1], slot.size, rate, s.beta1, s.beta2, s.epsilon / Math.sqrt(c2), c.t);
    },
  },
};
