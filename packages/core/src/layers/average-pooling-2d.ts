import type { FloatArray } from '../matrix';
import { Pooling2D, type Pooling2DConfig } from './pooling-2d';

/**
 * The mean of each pool window, per channel (keras/src/layers/pooling/average_pooling2d.py). With `same`
 * padding the padded cells are left out of the mean, as TensorFlow's avg_pool (and tfjs's avgPool) count
 * only the cells inside the input.
 * Porting note: tfjs's avgPoolGrad (tfjs-backend-cpu 4.22, AvgPoolGrad.js) divides every window's gradient by
 * the full window size, also where its forward pass divided by fewer cells, so with `same` padding tfjs
 * trains on a gradient that is not that of its own forward pass; ours is (checked by finite differences),
 * as TensorFlow's. With `valid` padding the two agree.
 */
export class AveragePooling2D extends Pooling2D {
  readonly className = 'AveragePooling2D';

  constructor(config: Pooling2DConfig = {}, defaultName = 'average_pooling2d') {
    super(config, config.name ?? defaultName, 'AveragePooling2D');
  }

  /** Buffers: output, ∂input. */
  protected override bufferWidths(): readonly number[] {
    return [this.outputWidth, this.inputWidth];
  }

  forward(x: FloatArray, rows: number): FloatArray {
    const [y] = this.buffers;
    this.built().kernels.avgPool(x, y, rows, this.geometry);
    return y;
  }

  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    if (!inputGradient) return null;
    this.built().kernels.avgPoolBackward(dy, this.buffers[1], rows, this.geometry);
    return this.buffers[1];
  }
}
