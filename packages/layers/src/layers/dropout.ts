import { ArgumentError, describeValue, type LayerConfig, optionKeys } from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, layerArgs } from './layer';

/** Every key of DropoutArgs, checked against the interface by the type checker. */
const DROPOUT_ARG_KEYS = optionKeys<DropoutArgs>()([...LAYER_OPTION_KEYS, 'rate']);
/** Keras's Dropout `noise_shape` and `seed` (the model's seed draws the masks here). */
const DROPOUT_UNSUPPORTED = ['noiseShape', 'seed'];

/** tfjs's single-argument form: `Dropout({ rate: 0.5 })`. */
export interface DropoutArgs extends LayerOptions {
  rate: number;
}

/**
 * Inverted dropout during training only (Srivastava et al., 2014; Keras's `Dropout`): each output of
 * the previous layer is zeroed with probability `rate` and the others scaled by 1 / (1 − rate);
 * `predict` and `evaluate` never drop. The masks are drawn by the model from its seed and handed to the
 * backend, so runs repeat and every backend drops the same values. Anywhere in the model, also on the
 * inputs. Porting note: there is no per-layer `seed` or `noiseShape`.
 */
export class DropoutLayer extends Layer {
  readonly className = 'Dropout';
  readonly rate: number;

  constructor(rate: number | DropoutArgs, options?: LayerOptions) {
    const args = layerArgs<DropoutArgs>('Dropout', rate, options, {
      positional: 'rate',
      args: DROPOUT_ARG_KEYS,
      options: LAYER_OPTION_KEYS,
      unsupported: DROPOUT_UNSUPPORTED,
    });
    super('dropout', args);
    if (!(typeof args.rate === 'number' && args.rate >= 0 && args.rate < 1)) {
      throw new ArgumentError(`Dropout "${this.name}" rate must be a number in [0, 1), got ${describeValue(args.rate)}`);
    }
    this.rate = args.rate;
  }

  override toConfig(): LayerConfig {
    return { className: 'Dropout', config: { name: this.name, rate: this.rate } };
  }
}

/** `Dropout` works as a factory and with `new`. */
export interface DropoutConstructor {
  new (rate: number, options?: LayerOptions): DropoutLayer;
  new (args: DropoutArgs): DropoutLayer;
  (rate: number, options?: LayerOptions): DropoutLayer;
  (args: DropoutArgs): DropoutLayer;
  readonly prototype: DropoutLayer;
}

function dropoutFactory(rate: number | DropoutArgs, options?: LayerOptions): DropoutLayer {
  return new DropoutLayer(rate, options);
}
dropoutFactory.prototype = DropoutLayer.prototype;

/** `Dropout(0.5)` or `new Dropout(0.5)`. */
export const Dropout = dropoutFactory as unknown as DropoutConstructor;
