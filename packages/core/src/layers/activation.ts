import { type ActivationOption, activationSpec } from '../activations/activation-registry';
import type { ActivationSpec } from '../kernels/kernels';
import type { FloatArray } from '../matrix';
import { BaseLayer } from './layer';

/** Keras's Activation config. */
export interface ActivationConfig {
  readonly name?: string;
  readonly activation: ActivationOption;
}

/**
 * Applies an activation to its input (keras/src/layers/activations/activation.py), after any layer.
 * Right after a linear Dense the network fuses it into the Dense's bias pass (same numbers, one pass).
 */
export class Activation extends BaseLayer {
  readonly className = 'Activation';
  readonly activation: ActivationSpec;
  private lastInput: FloatArray | null = null;

  constructor(config: ActivationConfig, defaultName = 'activation') {
    super(config.name ?? defaultName);
    this.activation = activationSpec(config.activation);
  }

  protected setUp(inputShape: readonly number[]): readonly number[] {
    return inputShape;
  }

  /** Buffers: output y, ∂input. */
  protected override bufferWidths(): readonly number[] {
    return [this.inputWidth, this.inputWidth];
  }

  forward(x: FloatArray, rows: number): FloatArray {
    this.lastInput = x;
    // With no bias, biasActivation leaves its input alone and writes f(x).
    // Softmax acts on each row of the flattened sample (Keras's default axis −1 for rank-1 samples).
    this.built().kernels.biasActivation(x, null, this.buffers[0], rows, this.inputWidth, this.activation);
    return this.buffers[0];
  }

  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    if (!inputGradient) return null;
    const dx = this.buffers[1];
    this.built().kernels.activationBackward(this.lastInput!, this.buffers[0], dy, dx, rows, this.inputWidth, this.activation);
    return dx;
  }
}
