import type { FloatArray } from '../matrix';
import { BaseLayer, shapeSize } from './layer';

/** Keras's Flatten config. */
export interface FlattenConfig {
  readonly name?: string;
}

/**
 * Flattens each sample to one axis (keras/src/layers/reshaping/flatten.py): [28, 28] → [784]. Batches
 * are already row-major, one sample per row, so both passes hand the same buffer on: no copy.
 */
export class Flatten extends BaseLayer {
  readonly className = 'Flatten';

  constructor(config: FlattenConfig = {}, defaultName = 'flatten') {
    super(config.name ?? defaultName);
  }

  protected setUp(inputShape: readonly number[]): readonly number[] {
    return [shapeSize(inputShape)];
  }

  forward(x: FloatArray): FloatArray {
    return x;
  }

  backward(dy: FloatArray, _rows: number, inputGradient: boolean): FloatArray | null {
    return inputGradient ? dy : null;
  }
}
