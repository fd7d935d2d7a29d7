import * as tf from '@tensorflow/tfjs';
import { SlotOptimizer } from './tfjs-slot-optimizer';

/**
 * Keras 3's AdamW (keras/src/optimizers/adamw.py) as a tf.Optimizer, which tfjs lacks: decoupled weight decay
 * w −= w·wd·lr before the update, then Keras's Adam, w −= α·m/(√v + ε) with α = lr·√(1−β₂ᵗ)/(1−β₁ᵗ) (ε on the
 * uncorrected √v, the powers of β in float32 as Keras takes them), written in tf ops.
 */
export class AdamWOptimizer extends SlotOptimizer {
  static get className(): string {
    return 'AdamW';
  }

  private alpha = 0;

  constructor(
    learningRate: number,
    readonly weightDecay: number,
    readonly beta1: number,
    readonly beta2: number,
    readonly epsilon: number,
  ) {
    super(learningRate, ['momentum', 'velocity']);
  }

  protected beforeStep(t: number): void {
    this.alpha = (this.learningRate * Math.sqrt(1 - Math.fround(this.beta2) ** t)) / (1 - Math.fround(this.beta1) ** t);
  }

  protected update(value: tf.Variable, g: tf.Tensor, [m, v]: readonly tf.Variable[]): void {
    const decayed = tf.sub(value, tf.mul(value, this.weightDecay * this.learningRate));
    const newM = tf.add(m, tf.mul(tf.sub(g, m), 1 - this.beta1));
    const newV = tf.add(v, tf.mul(tf.sub(tf.square(g), v), 1 - this.beta2));
    m.assign(newM);
    v.assign(newV);
    value.assign(tf.sub(decayed, tf.div(tf.mul(newM, this.alpha), tf.add(tf.sqrt(newV), this.epsilon))));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, weightDecay: this.weightDecay, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config.learningRate, config.weightDecay, config.beta1, config.beta2, config.epsilon);
  }
}
tf.serialization.registerClass(AdamWOptimizer);
