import { UnknownNameError } from '../errors';
import { Activation, type ActivationConfig } from './activation';
import { BatchNormalization, type BatchNormalizationConfig } from './batch-normalization';
import { Dense, type DenseConfig } from './dense';
import { Dropout, type DropoutConfig } from './dropout';
import { Flatten, type FlattenConfig } from './flatten';
import { InputLayer, type InputLayerConfig } from './input-layer';
import type { Layer } from './layer';
import { Reshape, type ReshapeConfig } from './reshape';

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
  | { readonly className: 'BatchNormalization'; readonly config: BatchNormalizationConfig };

export type LayerClassName = LayerConfig['className'];

const factories: { readonly [K in LayerClassName]: (config: Extract<LayerConfig, { className: K }>['config']) => Layer } = {
  Dense: (c) => new Dense(c),
  Activation: (c) => new Activation(c),
  Dropout: (c) => new Dropout(c),
  Flatten: (c) => new Flatten(c),
  Reshape: (c) => new Reshape(c),
  InputLayer: (c) => new InputLayer(c),
  BatchNormalization: (c) => new BatchNormalization(c),
};

/** The layer types core implements. */
export const layerClassNames = Object.keys(factories) as LayerClassName[];

/** A new, unbuilt core layer from its config. */
export function layerFromConfig(layer: LayerConfig): Layer {
  const make = Object.hasOwn(factories, layer.className) ? factories[layer.className] : undefined;
  if (!make) throw new UnknownNameError('layer class', String(layer.className), layerClassNames);
  return (make as (config: LayerConfig['config']) => Layer)(layer.config);
}
