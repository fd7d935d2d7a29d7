import { ArgumentError, type LayerConfig } from '@backprop/core';
import { Layer, type LayerOptions } from './layer';

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

  constructor(rate: number | DropoutArgs, options: LayerOptions = {}) {
    const args: DropoutArgs = typeof rate === 'object' && rate !== null ? rate : { ...options, rate };
    super('dropout', args);
    if (!(typeof args.rate === 'number' && args.rate >= 0 && args.rate < 1)) {
      throw new ArgumentError(`Dropout "${this.name}" rate must be a number in [0, 1), got ${JSON.stringify(args.rate)}`);
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
