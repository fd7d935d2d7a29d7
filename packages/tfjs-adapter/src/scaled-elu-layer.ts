import * as tf from '@tensorflow/tfjs';

/**
 * ELU with any α: f(z) = z for z > 0, α(eᶻ − 1) otherwise (Clevert et al., 2015), as core defines it.
 *
 * Porting note: tfjs-layers' `ELU` layer and the Dense `'elu'` activation throw for α ≠ 1
 * ("Non-default alpha value … is not supported"), unlike Keras. This layer fills that gap and is registered
 * for serialisation, so models that use it still save and load.
 */
export class ScaledElu extends tf.layers.Layer {
  static readonly className = 'BackpropScaledElu';
  readonly alpha: number;

  constructor(args: { alpha: number; name?: string; inputShape?: number[] }) {
    super({ name: args.name, ...(args.inputShape ? { inputShape: args.inputShape } : {}) });
    this.alpha = args.alpha;
    this.supportsMasking = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const z = Array.isArray(inputs) ? inputs[0] : inputs;
      // relu(z) + α(e^min(z, 0) − 1) is z for z > 0 and α(eᶻ − 1) otherwise, with gradient 1 or α·eᶻ = y + α
      // (α at z = 0, as core). Not tf.where: its comparison would sit on the gradient tape, which tfjs cannot
      // differentiate; and min(z, 0) keeps e^z from overflowing to Infinity for large z.
      return tf.add(tf.relu(z), tf.mul(this.alpha, tf.sub(tf.exp(tf.minimum(z, 0)), 1)));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}

tf.serialization.registerClass(ScaledElu);
