import { ShapeError } from '../errors';
import type { FloatArray } from '../matrix';
import { BaseLayer, checkShape } from './layer';

/** Keras's InputLayer config: the shape of one sample. */
export interface InputLayerConfig {
  readonly name?: string;
  readonly inputShape: readonly number[];
}

/**
 * The model's entry (Keras's `InputLayer`, what `keras.Input(shape)` adds to a Sequential): declares the
 * sample shape and passes data through unchanged.
 */
export class InputLayer extends BaseLayer {
  readonly className = 'InputLayer';
  readonly declaredShape: readonly number[];

  constructor(config: InputLayerConfig, defaultName = 'input_layer') {
    super(config.name ?? defaultName);
    this.declaredShape = checkShape(config.inputShape, `InputLayer "${this.name}" inputShape`);
  }

  protected setUp(inputShape: readonly number[]): readonly number[] {
    if (inputShape.length !== this.declaredShape.length || inputShape.some((d, i) => d !== this.declaredShape[i])) {
      throw new ShapeError(`InputLayer "${this.name}" declares input shape [${this.declaredShape.join(', ')}], got [${inputShape.join(', ')}]`);
    }
    return inputShape;
  }

  forward(x: FloatArray): FloatArray {
    return x;
  }

  backward(dy: FloatArray, _rows: number, inputGradient: boolean): FloatArray | null {
    return inputGradient ? dy : null;
  }
}
