import * as tf from '@tensorflow/tfjs';
import { SlotOptimizer } from './tfjs-slot-optimizer';

/**
 * Keras 3's Nadam (keras/src/optimizers/nadam.py) as a tf.Optimizer, which tfjs lacks: the same rule as
 * core's (momentum schedule μₜ = β₁(1 − ½·0.96ᵗ), its running product, m̂ = μₜ₊₁·m/(1 − Πμ·μₜ₊₁) +
 * (1 − μₜ)·g/(1 − Πμ), w −= lr·m̂/(√(v/(1 − β₂ᵗ)) + ε)), written in tf ops.
 */
export class NadamOptimizer extends SlotOptimizer {
  static get className(): string {
    return 'Nadam';
  }

  /** Πμ over the steps so far (Keras's `_u_product`). */
  private uProduct = 1;
  private momentumScale = 0;
  private gradientScale = 0;

  constructor(
    learningRate: number,
    readonly beta1: number,
    readonly beta2: number,
    readonly epsilon: number,
  ) {
    super(learningRate, ['momentum', 'velocity']);
  }

  protected beforeStep(t: number): void {
    const mu = (step: number) => this.beta1 * (1 - 0.5 * 0.96 ** step);
    this.uProduct *= mu(t);
    this.momentumScale = mu(t + 1) / (1 - this.uProduct * mu(t + 1));
    this.gradientScale = (1 - mu(t)) / (1 - this.uProduct);
  }

  protected update(value: tf.Variable, g: tf.Tensor, [m, v]: readonly tf.Variable[], t: number): void {
    const newM = tf.add(m, tf.mul(tf.sub(g, m), 1 - this.beta1));
    const newV = tf.add(v, tf.mul(tf.sub(tf.square(g), v), 1 - this.beta2));
    m.assign(newM);
    v.assign(newV);
    const mHat = tf.add(tf.mul(newM, this.momentumScale), tf.mul(g, this.gradientScale));
    const denominator = tf.add(tf.sqrt(tf.div(newV, 1 - this.beta2 ** t)), this.epsilon);
    value.assign(tf.sub(value, tf.div(tf.mul(mHat, this.learningRate), denominator)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config.learningRate, config.beta1, config.beta2, config.epsilon);
  }
}
tf.serialization.registerClass(NadamOptimizer);
