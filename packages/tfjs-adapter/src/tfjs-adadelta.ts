import * as tf from '@tensorflow/tfjs';
import { SlotOptimizer } from './tfjs-slot-optimizer';

/**
 * Keras 3's Adadelta (keras/src/optimizers/adadelta.py) as a tf.Optimizer: a ← ρa + (1−ρ)g²;
 * Δ = −√(d + ε)·g/√(a + ε); d ← ρd + (1−ρ)Δ²; w ← w + lr·Δ. Porting note: tf.train.adadelta (tfjs 4.22,
 * adadelta_optimizer.js) divides by √ of the accumulator *before* this step's g² is added, so its first
 * step is lr·g where Keras's is lr·g·√ε/√((1−ρ)g² + ε), about 700 times smaller on tools/keras-references' problem; this class keeps Keras's
 * order, and a tf.train.adadelta given to compile runs this rule.
 */
export class AdadeltaOptimizer extends SlotOptimizer {
  static get className(): string {
    // Not 'Adadelta': tfjs registers its own class under that name.
    return 'KerasAdadelta';
  }

  constructor(
    learningRate: number,
    readonly rho: number,
    readonly epsilon: number,
  ) {
    super(learningRate, ['accumulated_grad', 'accumulated_delta_var']);
  }

  protected beforeStep(): void {}

  protected update(value: tf.Variable, g: tf.Tensor, [a, d]: readonly tf.Variable[]): void {
    const newA = tf.add(tf.mul(a, this.rho), tf.mul(tf.square(g), 1 - this.rho));
    const delta = tf.neg(tf.div(tf.mul(tf.sqrt(tf.add(d, this.epsilon)), g), tf.sqrt(tf.add(newA, this.epsilon))));
    a.assign(newA);
    d.assign(tf.add(tf.mul(d, this.rho), tf.mul(tf.square(delta), 1 - this.rho)));
    value.assign(tf.add(value, tf.mul(delta, this.learningRate)));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, rho: this.rho, epsilon: this.epsilon };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config.learningRate, config.rho, config.epsilon);
  }
}
tf.serialization.registerClass(AdadeltaOptimizer);
