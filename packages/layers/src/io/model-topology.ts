import { type ActivationName, ModelFormatError } from '@backprop/core';
import { Activation } from '../layers/activation';
import { Dense } from '../layers/dense';
import { Dropout } from '../layers/dropout';
import { Flatten } from '../layers/flatten';
import { Reshape } from '../layers/reshape';
import type { Layer } from '../layers/layer';
import { SPATIAL_LAYER_CLASSES, spatialLayerFromJson } from './spatial-layers-json';
import { denseRegularizationArgs } from './regularizer-json';
import { coreActivation, coreActivationOfLayer, coreInitializer, type KerasActivationLayerName, kerasActivationLayerNames, supportedKerasActivations } from './keras-names';

export interface Topology {
  readonly name: string | undefined;
  readonly layers: Layer[];
}

const SUPPORTED = ['Dense', 'Dropout', 'Activation', 'Flatten', 'Reshape', ...SPATIAL_LAYER_CLASSES, ...kerasActivationLayerNames, 'InputLayer'];

/**
 * The layers of a Keras / tfjs Sequential topology: `modelTopology` as tfjs writes it
 * (`{ class_name: 'Sequential', config: { name, layers } }`), Keras 2 converter output wrapped in
 * `model_config`, or Keras 2.2's bare list of layers. Dense, Dropout, Activation, Flatten, Reshape, LeakyReLU,
 * ELU and a leading InputLayer are supported (its shape goes to the first layer); anything else is a
 * ModelFormatError naming the layer. LeakyReLU and ELU load as Activation layers with that activation.
 */
export function parseTopology(topology: unknown, file: string): Topology {
  let node = asObject(topology, `${file}: modelTopology`);
  if (node.model_config !== undefined) node = asObject(node.model_config, `${file}: modelTopology.model_config`);
  if (node.class_name !== 'Sequential') {
    throw new ModelFormatError(`${file}: expected a Sequential model, got class_name ${JSON.stringify(node.class_name)}`);
  }
  const config = Array.isArray(node.config) ? { layers: node.config } : asObject(node.config, `${file}: modelTopology.config`);
  const list = config.layers;
  if (!Array.isArray(list) || list.length === 0) throw new ModelFormatError(`${file}: expected a non-empty list of layers in modelTopology.config.layers`);
  const name = typeof config.name === 'string' ? config.name : undefined;
  let inputShape: number[] | undefined;
  const layers: Layer[] = [];
  list.forEach((entry, index) => {
    const layer = asObject(entry, `${file}: layer ${index}`);
    const className = String(layer.class_name);
    const cfg = asObject(layer.config, `${file}: layer ${index} (${className}) config`);
    const where = `${file}: layer ${index} (${className} ${JSON.stringify(cfg.name)})`;
    if (!SUPPORTED.includes(className)) throw new ModelFormatError(`${where} is not supported; supported layers: ${SUPPORTED.join(', ')}`);
    const shape = batchInputShape(cfg, where);
    if (shape) inputShape = shape;
    if (className === 'InputLayer') {
      if (index !== 0) throw new ModelFormatError(`${where}: an InputLayer must come first`);
      return;
    }
    try {
      layers.push(buildLayer(className, cfg, layers.length === 0 ? inputShape : undefined, where));
    } catch (error) {
      if (error instanceof ModelFormatError) throw error;
      throw new ModelFormatError(`${where}: ${(error as Error).message}`);
    }
  });
  return { name, layers };
}

// Names read from a file are strings; the layers check them at run time and list the valid ones.
function buildLayer(className: string, cfg: Record<string, unknown>, inputShape: number[] | undefined, where: string): Layer {
  const name = typeof cfg.name === 'string' ? cfg.name : undefined;
  if (cfg.dtype !== undefined && cfg.dtype !== 'float32' && typeof cfg.dtype === 'string') {
    throw new ModelFormatError(`${where}: dtype must be float32, got ${JSON.stringify(cfg.dtype)}`);
  }
  if ((SPATIAL_LAYER_CLASSES as readonly string[]).includes(className)) {
    return spatialLayerFromJson(className, cfg, { name, inputShape }, (value) => activation(value, where), coreInitializer, where);
  }
  switch (className) {
    case 'Dense':
      return Dense({
        units: cfg.units as number,
        activation: activation(cfg.activation, where),
        useBias: useBias(cfg.use_bias, where),
        kernelInitializer: coreInitializer(cfg.kernel_initializer, 'glorotUniform'),
        biasInitializer: coreInitializer(cfg.bias_initializer, 'zeros'),
        ...denseRegularizationArgs(cfg),
        name,
        inputShape,
      });
    case 'Dropout':
      return Dropout({ rate: cfg.rate as number, name, inputShape });
    case 'Flatten':
      if (cfg.data_format === 'channels_first') throw new ModelFormatError(`${where}: data_format "channels_first" is not supported (channels_last only)`);
      return Flatten({ name, inputShape });
    case 'Reshape':
      return Reshape({ targetShape: cfg.target_shape as number[], name, inputShape });
    case 'LeakyReLU':
    case 'ELU':
      return Activation({ activation: coreActivationOfLayer(className as KerasActivationLayerName, cfg), name, inputShape });
    default:
      return Activation({ activation: activation(cfg.activation, where), name, inputShape });
  }
}

/** `use_bias`: true when absent (Keras's default); anything but a boolean is refused, as `"false"` would read as true. */
function useBias(value: unknown, where: string): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'boolean') throw new ModelFormatError(`${where}: use_bias must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function activation(value: unknown, where: string): ActivationName {
  const name = value === undefined || value === null ? 'linear' : coreActivation(String(value));
  if (!name) throw new ModelFormatError(`${where}: activation ${JSON.stringify(value)} is not supported; supported: ${supportedKerasActivations.join(', ')}`);
  return name;
}

/** `batch_input_shape: [null, 784]` or `[null, 28, 28]` (tfjs, Keras 2), `batch_shape` (Keras 3) or `input_shape: [784]`. */
function batchInputShape(cfg: Record<string, unknown>, where: string): number[] | undefined {
  const batch = cfg.batch_input_shape ?? cfg.batch_shape;
  const shape = Array.isArray(batch) ? batch.slice(1) : Array.isArray(cfg.input_shape) ? cfg.input_shape : undefined;
  if (shape === undefined) return undefined;
  if (shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    throw new ModelFormatError(`${where}: expected an input shape of positive dimensions such as [null, 784] or [null, 28, 28], got ${JSON.stringify(batch ?? cfg.input_shape)}`);
  }
  return shape as number[];
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ModelFormatError(`${what} must be an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}
