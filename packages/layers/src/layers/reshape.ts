import { ArgumentError, describeValue, type LayerConfig, optionKeys, shapeSize } from '@backprop/core';
import { LAYER_OPTION_KEYS, Layer, type LayerOptions, objectLayerArgs } from './layer';

/** tfjs's `tf.layers.reshape` arguments. */
export interface ReshapeArgs extends LayerOptions {
  /** Shape of one output sample; one dimension may be −1 (inferred). */
  targetShape: readonly number[];
}

/** Every key of ReshapeArgs, checked against the interface by the type checker. */
const RESHAPE_ARG_KEYS = optionKeys<ReshapeArgs>()([...LAYER_OPTION_KEYS, 'targetShape']);

/** Gives each sample a new shape of the same size (Keras's `Reshape`). */
export class ReshapeLayer extends Layer {
  readonly className = 'Reshape';
  readonly targetShape: readonly number[];

  constructor(args: ReshapeArgs) {
    const checked = objectLayerArgs<ReshapeArgs>('Reshape', args, { args: RESHAPE_ARG_KEYS });
    super('reshape', checked);
    const shape = checked.targetShape;
    const unknown = Array.isArray(shape) ? shape.filter((d) => d === -1).length : 0;
    if (!Array.isArray(shape) || shape.length === 0 || unknown > 1 || !shape.every((d) => d === -1 || (Number.isInteger(d) && d > 0))) {
      throw new ArgumentError(`Reshape "${this.name}" targetShape must be a list of positive integers with at most one -1, got ${describeValue(shape)}`);
    }
    this.targetShape = [...shape];
  }

  override toConfig(): LayerConfig {
    return { className: 'Reshape', config: { name: this.name, targetShape: this.targetShape } };
  }

  override outputShape(inputShape: readonly number[]): readonly number[] {
    const size = shapeSize(inputShape);
    const known = this.targetShape.filter((d) => d !== -1).reduce((n, d) => n * d, 1);
    const output = this.targetShape.map((d) => (d === -1 ? size / known : d));
    if (!output.every((d) => Number.isInteger(d)) || shapeSize(output) !== size) {
      throw new ArgumentError(`Reshape "${this.name}" cannot reshape an input of shape [${inputShape.join(', ')}] (${size} values) to [${this.targetShape.join(', ')}]`);
    }
    return output;
  }
}

/** `Reshape` works as a factory and with `new`. */
export interface ReshapeConstructor {
  new (args: ReshapeArgs): ReshapeLayer;
  (args: ReshapeArgs): ReshapeLayer;
  readonly prototype: ReshapeLayer;
}

function reshapeFactory(args: ReshapeArgs): ReshapeLayer {
  return new ReshapeLayer(args);
}
reshapeFactory.prototype = ReshapeLayer.prototype;

/** `Reshape({ targetShape: [7, 112] })` or `new Reshape(…)`. */
export const Reshape = reshapeFactory as unknown as ReshapeConstructor;
