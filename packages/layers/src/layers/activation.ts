import { type ActivationOption, type ActivationSpec, activationSpec, type LayerConfig, optionKeys } from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, layerArgs } from './layer';

/** Every key of ActivationArgs, checked against the interface by the type checker. */
const ACTIVATION_ARG_KEYS = optionKeys<ActivationArgs>()([...LAYER_OPTION_KEYS, 'activation']);

/** tfjs's single-argument form: `Activation({ activation: 'relu' })`. */
export interface ActivationArgs extends LayerOptions {
  activation: ActivationOption;
}

/**
 * Applies an activation to the previous layer's output (Keras's `Activation`), after any layer. Right after
 * a linear Dense the scratch engine fuses it into the Dense's bias pass (same numbers, one pass less).
 */
export class ActivationLayer extends Layer {
  readonly className = 'Activation';
  readonly activation: ActivationSpec;

  constructor(activation: ActivationArgs['activation'] | ActivationArgs, options?: LayerOptions) {
    const args = layerArgs<ActivationArgs>('Activation', activation, options, {
      positional: 'activation',
      args: ACTIVATION_ARG_KEYS,
      options: LAYER_OPTION_KEYS,
      positionalMayBeObject: true,
    });
    super('activation', args);
    this.activation = activationSpec(args.activation);
  }

  override toConfig(): LayerConfig {
    return { className: 'Activation', config: { name: this.name, activation: this.activation } };
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
