import { NotSupportedError } from '../errors';
import { type WindowGeometry, windowGeometry } from '../kernels/window-geometry';
import type { FloatArray } from '../matrix';
import { checkChannelsLast, type DataFormat } from './channels-last';
import { BaseLayer } from './layer';

/** Keras's GlobalAveragePooling2D config (tfjs's `tf.layers.globalAveragePooling2d`). */
export interface GlobalAveragePooling2DConfig {
  readonly name?: string;
  readonly dataFormat?: DataFormat;
  /** Keras 3's `keepdims`: only false (the default, output [C]) is supported. */
  readonly keepdims?: boolean;
}

/**
 * The mean over height and width of each channel (keras/src/layers/pooling/global_average_pooling2d.py):
 * [H, W, C] → [C]. It is average pooling with one window the size of the input, so it runs on the same
 * kernels.
 */
export class GlobalAveragePooling2D extends BaseLayer {
  readonly className = 'GlobalAveragePooling2D';
  private geometry!: WindowGeometry;

  constructor(config: GlobalAveragePooling2DConfig = {}, defaultName = 'global_average_pooling2d') {
    super(config.name ?? defaultName);
    checkChannelsLast(config.dataFormat, `GlobalAveragePooling2D "${this.name}"`);
    if (config.keepdims !== undefined && config.keepdims !== false) {
      throw new NotSupportedError(`GlobalAveragePooling2D "${this.name}"`, `keepdims ${JSON.stringify(config.keepdims)}`);
    }
  }

  /** One pool the size of the image; a ShapeError naming the layer when the input is not [H, W, C]. */
  private geometryOver(inputShape: readonly number[]): WindowGeometry {
    const size = [inputShape[0], inputShape[1]] as const;
    return windowGeometry(inputShape, { label: `GlobalAveragePooling2D "${this.name}"`, window: 'pool', size, strides: size, padding: 'valid' });
  }

  /** Keras's `compute_output_shape`: [channels], before the layer is built (the facade's shapes). */
  computeOutputShape(inputShape: readonly number[]): readonly number[] {
    return [this.geometryOver(inputShape).channels];
  }

  protected setUp(inputShape: readonly number[]): readonly number[] {
    this.geometry = this.geometryOver(inputShape);
    return [this.geometry.channels];
  }

  /** Buffers: output, ∂input. */
  protected override bufferWidths(): readonly number[] {
    return [this.outputWidth, this.inputWidth];
  }

  forward(x: FloatArray, rows: number): FloatArray {
    this.built().kernels.avgPool(x, this.buffers[0], rows, this.geometry);
    return this.buffers[0];
  }

  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    if (!inputGradient) return null;
    this.built().kernels.avgPoolBackward(dy, this.buffers[1], rows, this.geometry);
    return this.buffers[1];
  }
}
