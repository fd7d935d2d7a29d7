import { ShapeError } from '../errors';
import { integerPair, type PaddingMode, paddingMode, type WindowGeometry, windowGeometry } from '../kernels/window-geometry';
import { checkChannelsLast, type DataFormat, MAX_SAMPLE_VALUES } from './channels-last';
import { BaseLayer } from './layer';

/** Keras's MaxPooling2D / AveragePooling2D config in camelCase (tfjs's `tf.layers.maxPooling2d` arguments). */
export interface Pooling2DConfig {
  readonly name?: string;
  /** Default 2 (Keras's (2, 2)). */
  readonly poolSize?: number | readonly number[];
  /** Default (and when null) the pool size, as in Keras and tfjs. */
  readonly strides?: number | readonly number[] | null;
  /** Default `valid`. */
  readonly padding?: PaddingMode;
  /** Only channels-last (the default) is supported. */
  readonly dataFormat?: DataFormat;
}

/** What MaxPooling2D and AveragePooling2D share: the config, the window geometry and the output shape. */
export abstract class Pooling2D extends BaseLayer {
  readonly poolSize: readonly [number, number];
  readonly strides: readonly [number, number];
  readonly padding: PaddingMode;
  protected geometry!: WindowGeometry;

  protected constructor(config: Pooling2DConfig, name: string, className: string) {
    super(name);
    const label = `${className} "${this.name}"`;
    this.poolSize = integerPair(config.poolSize ?? 2, `${label} poolSize`);
    this.strides = integerPair(config.strides ?? this.poolSize, `${label} strides`);
    this.padding = paddingMode(config.padding ?? 'valid', `${label} padding`);
    checkChannelsLast(config.dataFormat, label);
  }

  /** Where the pool goes over samples of `inputShape`; a ShapeError naming the layer when it does not fit. */
  private geometryOver(inputShape: readonly number[]): WindowGeometry {
    return windowGeometry(inputShape, { label: `${this.className} "${this.name}"`, window: 'pool', size: this.poolSize, strides: this.strides, padding: this.padding });
  }

  /** Keras's `compute_output_shape`: [outH, outW, channels], before the layer is built (the facade's shapes). */
  computeOutputShape(inputShape: readonly number[]): readonly number[] {
    const g = this.geometryOver(inputShape);
    return [g.outH, g.outW, g.channels];
  }

  protected setUp(inputShape: readonly number[]): readonly number[] {
    this.geometry = this.geometryOver(inputShape);
    if (this.inputWidth > MAX_SAMPLE_VALUES) throw new ShapeError(`${this.className} "${this.name}" input samples of shape [${inputShape.join(', ')}] exceed ${MAX_SAMPLE_VALUES} values`);
    return [this.geometry.outH, this.geometry.outW, this.geometry.channels];
  }
}
