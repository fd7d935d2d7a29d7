import { UnknownNameError } from '../errors';
import { Activation, type ActivationConfig } from './activation';
import { AveragePooling2D } from './average-pooling-2d';
import { Conv2D, type Conv2DConfig } from './conv2d';
import { Dense, type DenseConfig } from './dense';
import { Dropout, type DropoutConfig } from './dropout';
import { Flatten, type FlattenConfig } from './flatten';
import { InputLayer, type InputLayerConfig } from './input-layer';
import { GlobalAveragePooling2D, type GlobalAveragePooling2DConfig } from './global-average-pooling-2d';
import type { Layer } from './layer';
import { MaxPooling2D } from './max-pooling-2d';
import type { Pooling2DConfig } from './pooling-2d';
import { Reshape, type ReshapeConfig } from './reshape';
import { ZeroPadding2D, type ZeroPadding2DConfig } from './zero-padding-2d';

/**
 * One layer of a model description, in Keras's `{ className, config }` shape (the shape of each entry of
 * model.json's `modelTopology.config.layers`, with tfjs's camelCase keys). Adding a layer type adds a
 * member here and an entry in `layerFromConfig`.
 */
export type LayerConfig =
  | { readonly className: 'Dense'; readonly config: DenseConfig }
  | { readonly className: 'Activation'; readonly config: ActivationConfig }
  | { readonly className: 'Dropout'; readonly config: DropoutConfig }
  | { readonly className: 'Flatten'; readonly config: FlattenConfig }
  | { readonly className: 'Reshape'; readonly config: ReshapeConfig }
  | { readonly className: 'InputLayer'; readonly config: InputLayerConfig }
  | { readonly className: 'Conv2D'; readonly config: Conv2DConfig }
  | { readonly className: 'MaxPooling2D'; readonly config: Pooling2DConfig }
  | { readonly className: 'AveragePooling2D'; readonly config: Pooling2DConfig }
  | { readonly className: 'GlobalAveragePooling2D'; readonly config: GlobalAveragePooling2DConfig }
  | { readonly className: 'ZeroPadding2D'; readonly config: ZeroPadding2DConfig };

export type LayerClassName = LayerConfig['className'];

const factories: { readonly [K in LayerClassName]: (config: Extract<LayerConfig, { className: K }>['config']) => Layer } = {
  Dense: (c) => new Dense(c),
  Activation: (c) => new Activation(c),
  Dropout: (c) => new Dropout(c),
  Flatten: (c) => new Flatten(c),
  Reshape: (c) => new Reshape(c),
  InputLayer: (c) => new InputLayer(c),
  Conv2D: (c) => new Conv2D(c),
  MaxPooling2D: (c) => new MaxPooling2D(c),
  AveragePooling2D: (c) => new AveragePooling2D(c),
  GlobalAveragePooling2D: (c) => new GlobalAveragePooling2D(c),
  ZeroPadding2D: (c) => new ZeroPadding2D(c),
};

/** The layer types core implements. */
export const layerClassNames = Object.keys(factories) as LayerClassName[];

/** A new, unbuilt core layer from its config. */
export function layerFromConfig(layer: LayerConfig): Layer {
  const make = Object.hasOwn(factories, layer.className) ? factories[layer.className] : undefined;
  if (!make) throw new UnknownNameError('layer class', String(layer.className), layerClassNames);
  return (make as (config: LayerConfig['config']) => Layer)(layer.config);
}
