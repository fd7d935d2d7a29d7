import { ArgumentError } from '../errors';
import type { WindowGeometry } from '../kernels/window-geometry';
import { windowGeometry } from '../kernels/window-geometry';
import type { FloatArray } from '../matrix';
import { checkChannelsLast, type DataFormat } from './channels-last';
import { BaseLayer } from './layer';

/** Keras's ZeroPadding2D config (tfjs's `tf.layers.zeroPadding2d`). */
export interface ZeroPadding2DConfig {
  readonly name?: string;
  /** `1`, `[rows, cols]` (symmetric) or `[[top, bottom], [left, right]]`; default 1, as in Keras. */
  readonly padding?: number | readonly number[] | readonly (readonly number[])[];
  readonly dataFormat?: DataFormat;
}

/** [[top, bottom], [left, right]] from Keras's three spellings of `padding`. */
function paddingAmounts(value: unknown, label: string): [[number, number], [number, number]] {
  const ok = (d: unknown): d is number => Number.isInteger(d) && (d as number) >= 0;
  if (ok(value)) return [[value, value], [value, value]];
  if (Array.isArray(value) && value.length === 2 && value.every(ok)) return [[value[0], value[0]], [value[1], value[1]]];
  if (Array.isArray(value) && value.length === 2 && value.every((p) => Array.isArray(p) && p.length === 2 && p.every(ok))) {
    return [[value[0][0], value[0][1]], [value[1][0], value[1][1]]];
  }
  throw new ArgumentError(`${label} padding must be a non-negative integer, [rows, cols] or [[top, bottom], [left, right]], got ${JSON.stringify(value)}`);
}

/**
 * Adds rows and columns of zeros around each image (keras/src/layers/reshaping/zero_padding2d.py). It is
 * im2col with a 1×1 window over a padded grid — each output pixel reads one input pixel or zero — so it
 * runs on the convolution kernels, and its backward pass (cropping the gradient) is col2im.
 */
export class ZeroPadding2D extends BaseLayer {
  readonly className = 'ZeroPadding2D';
  readonly padding: readonly [readonly [number, number], readonly [number, number]];
  private geometry!: WindowGeometry;

  constructor(config: ZeroPadding2DConfig = {}, defaultName = 'zero_padding2d') {
    super(config.name ?? defaultName);
    const label = `ZeroPadding2D "${this.name}"`;
    this.padding = paddingAmounts(config.padding ?? 1, label);
    checkChannelsLast(config.dataFormat, label);
  }

  /** The padded grid over samples of `inputShape`; a ShapeError naming the layer when they are not [H, W, C]. */
  private geometryOver(inputShape: readonly number[]): WindowGeometry {
    const [[top, bottom], [left, right]] = this.padding;
    // windowGeometry checks the rank; the padded grid is then set by hand.
    const g = windowGeometry(inputShape, { label: `ZeroPadding2D "${this.name}"`, window: 'kernel', size: [1, 1], strides: [1, 1], padding: 'valid' });
    return { ...g, padTop: top, padLeft: left, outH: g.inH + top + bottom, outW: g.inW + left + right };
  }

  /** Keras's `compute_output_shape`: [H + top + bottom, W + left + right, C], before the layer is built. */
  computeOutputShape(inputShape: readonly number[]): readonly number[] {
    const g = this.geometryOver(inputShape);
    return [g.outH, g.outW, g.channels];
  }

  protected setUp(inputShape: readonly number[]): readonly number[] {
    this.geometry = this.geometryOver(inputShape);
    return [this.geometry.outH, this.geometry.outW, this.geometry.channels];
  }

  /** Buffers: output, ∂input. */
  protected override bufferWidths(): readonly number[] {
    return [this.outputWidth, this.inputWidth];
  }

  forward(x: FloatArray, rows: number): FloatArray {
    this.built().kernels.im2col(x, this.buffers[0], rows, this.geometry);
    return this.buffers[0];
  }

  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    if (!inputGradient) return null;
    this.built().kernels.col2im(dy, this.buffers[1], rows, this.geometry);
    return this.buffers[1];
  }
}
