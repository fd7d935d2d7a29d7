import { type ActivationOption, type ActivationSpec, activationSpec } from '@backprop/core';
import { Layer, type LayerOptions } from './layer';

/** tfjs's single-argument form: `Activation({ activation: 'relu' })`. */
export interface ActivationArgs extends LayerOptions {
  activation: ActivationOption;
}

/**
 * Applies an activation to the previous layer's output (Keras's `Activation`). The facade folds it into
 * the Dense layer before it, so `Dense(10)` + `Activation('softmax')` trains as `Dense(10, { activation: 'softmax' })`.
 * Porting note: it must follow a Dense layer whose own activation is linear (Keras allows any position).
 */
export class ActivationLayer extends Layer {
  readonly className = 'Activation';
  readonly activation: ActivationSpec;

  constructor(activation: ActivationArgs['activation'] | ActivationArgs, options: LayerOptions = {}) {
    const args: ActivationArgs =
      typeof activation === 'object' && activation !== null && 'activation' in activation ? activation : { ...options, activation };
    super('activation', args);
    this.activation = activationSpec(args.activation);
  }
}

/** `Activation` works as a factory and with `new`. */
export interface ActivationConstructor {
  new (activation: ActivationArgs['activation'], options?: LayerOptions): ActivationLayer;
  new (args: ActivationArgs): ActivationLayer;
  (activation: ActivationArgs['activation'], options?: LayerOptions): ActivationLayer;
  (args: ActivationArgs): ActivationLayer;
  readonly prototype: ActivationLayer;
}

function activationFactory(activation: ActivationArgs['activation'] | ActivationArgs, options?: LayerOptions): ActivationLayer {
  return new ActivationLayer(activation, options);
}
activationFactory.prototype = ActivationLayer.prototype;

/** `Activation('relu')` or `new Activation('relu')`. */
export const Activation = activationFactory as unknown as ActivationConstructor;
