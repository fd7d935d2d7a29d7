import { ArgumentError, ShapeError } from '../errors';
import type { FloatArray } from '../matrix';
import { BaseLayer, shapeSize } from './layer';

/** Keras's Reshape config: the per-sample target shape, with at most one −1 (inferred). */
export interface ReshapeConfig {
  readonly name?: string;
  readonly targetShape: readonly number[];
}

/**
 * Gives each sample a new shape of the same size (keras/src/layers/reshaping/reshape.py); one dimension
 * may be −1 and is inferred. Row-major data does not move: both passes hand the same buffer on.
 */
export class Reshape extends BaseLayer {
  readonly className = 'Reshape';
  readonly targetShape: readonly number[];

  constructor(config: ReshapeConfig, defaultName = 'reshape') {
    super(config.name ?? defaultName);
    const shape = config.targetShape;
    const unknown = Array.isArray(shape) ? shape.filter((d) => d === -1).length : 0;
    if (!Array.isArray(shape) || shape.length === 0 || unknown > 1 || !shape.every((d) => d === -1 || (Number.isInteger(d) && d > 0))) {
      throw new ArgumentError(
        `Reshape "${this.name}" targetShape must be a list of positive integers with at most one -1, got ${JSON.stringify(shape)}`,
      );
    }
    this.targetShape = [...shape];
  }

  protected setUp(inputShape: readonly number[]): readonly number[] {
    const size = shapeSize(inputShape);
    const known = this.targetShape.filter((d) => d !== -1).reduce((n, d) => n * d, 1);
    const inferred = this.targetShape.includes(-1) ? size / known : known;
    const output = this.targetShape.map((d) => (d === -1 ? inferred : d));
    if (!Number.isInteger(inferred) || shapeSize(output) !== size) {
      throw new ShapeError(
        `Reshape "${this.name}" cannot reshape an input of shape [${inputShape.join(', ')}] (${size} values) to [${this.targetShape.join(', ')}]`,
      );
    }
    return output;
  }

  forward(x: FloatArray): FloatArray {
    return x;
  }

  backward(dy: FloatArray, _rows: number, inputGradient: boolean): FloatArray | null {
    return inputGradient ? dy : null;
  }
}
