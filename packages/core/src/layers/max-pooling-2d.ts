import { ShapeError } from '../errors';
import type { FloatArray } from '../matrix';
import { Pooling2D, type Pooling2DConfig } from './pooling-2d';

/**
 * The largest value of each pool window, per channel (keras/src/layers/pooling/max_pooling2d.py). The
 * forward pass keeps where each maximum was, so the backward pass routes each gradient to it (the first
 * maximum on ties, as tfjs's maxPoolBackprop); with `same` padding the padded cells never win.
 */
export class MaxPooling2D extends Pooling2D {
  readonly className = 'MaxPooling2D';
  private forwarded = false;

  constructor(config: Pooling2DConfig = {}, defaultName = 'max_pooling2d') {
    super(config, config.name ?? defaultName, 'MaxPooling2D');
  }

  /** Buffers: output, argmax (index within the sample), ∂input. */
  protected override bufferWidths(): readonly number[] {
    return [this.outputWidth, this.outputWidth, this.inputWidth];
  }

  forward(x: FloatArray, rows: number): FloatArray {
    const [y, argmax] = this.buffers;
    this.built().kernels.maxPool(x, y, argmax, rows, this.geometry);
    this.forwarded = true;
    return y;
  }

  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    if (!inputGradient) return null;
    if (!this.forwarded) throw new ShapeError(`MaxPooling2D "${this.name}" backward needs a forward pass first`);
    const [, argmax, dx] = this.buffers;
    this.built().kernels.maxPoolBackward(dy, argmax, dx, rows, this.geometry);
    return dx;
  }
}
