import {
  type ActivationSpec,
  ArgumentError,
  getLoss,
  type LayerConfig,
  type NamedWeight,
  type OptimizerSpec,
  optimizerSpec,
  resolveLossName,
} from '@backprop/core';
import type { ModelSpec } from '@backprop/layers';
import type * as tf from '@tensorflow/tfjs';
import { activationFromTfjs } from './activation-mapping';
import { TfjsUnsupportedError } from './errors';
import { SPATIAL_CLASS_NAMES, spatialConfigFromTfjs } from './spatial-layer-mapping';
import { optimizerFromTfjs } from './tfjs-optimizer';
import { readTfjsWeights } from './tfjs-weights';
import { regularizationFromTfjs } from './tfjs-regularizers';
import { batchNormalizationFromTfjs } from './batch-normalization-mapping';

export interface TfjsModelToSpecOptions {
  /** Default: the compiled model's loss when core has it, else `mse`. */
  readonly loss?: string | { name: string; delta?: number };
  /** Default: the compiled model's optimizer when core has it, else `sgd` with Keras's defaults. */
  readonly optimizer?: string | OptimizerSpec;
  /** Default 0. */
  readonly seed?: number;
}

/** Layer classes this reader understands. */
const supportedLayers = ['Dense', 'BatchNormalization', ...SPATIAL_CLASS_NAMES, 'Flatten', 'Reshape', 'Dropout', 'LeakyReLU', 'ELU', 'BackpropScaledElu', 'ReLU', 'Softmax', 'Activation', 'InputLayer'];

/**
 * Read a tfjs Sequential model into a model description with its current weights as the initial ones: one layer
 * config per tfjs layer (activation layers such as LeakyReLU become Activation configs). Anything else — a Conv3D,
 * an activation core does not have — throws `TfjsUnsupportedError` naming the layer.
 */
export function tfjsModelToSpec(model: tf.LayersModel, options: TfjsModelToSpecOptions = {}): ModelSpec {
  const shape = model.inputs[0]?.shape;
  const inputShape = shape?.slice(1);
  if (!inputShape || inputShape.length === 0 || !inputShape.every((d) => typeof d === 'number' && d > 0)) {
    throw new TfjsUnsupportedError('input shape', JSON.stringify(shape), ['[null, ...sample shape]'], 'every sample dimension must be known');
  }
  const layers: LayerConfig[] = [];
  const weights: NamedWeight[] = [];
  for (const layer of model.layers) {
    const className = layer.getClassName();
    const config = layer.getConfig() as Record<string, unknown>;
    const name = layer.name;
    switch (className) {
      case 'InputLayer':
        continue;
      case 'Dense':
        layers.push({
          className: 'Dense',
          config: {
            name,
            units: Number(config.units),
            activation: activationFromTfjs(String(config.activation ?? 'linear'), name),
            useBias: config.useBias !== false,
            ...regularizationFromTfjs(config, `layer "${name}"`),
          },
        });
        weights.push(...readTfjsWeights([{ name, layers: [layer] }]));
        continue;
      case 'BatchNormalization':
        layers.push({ className: 'BatchNormalization', config: batchNormalizationFromTfjs(config, name, layer.trainable) });
        weights.push(...readTfjsWeights([{ name, layers: [layer] }]));
        continue;
      case 'Dropout':
        layers.push({ className: 'Dropout', config: { name, rate: Number(config.rate) } });
        continue;
      case 'Flatten':
        layers.push({ className: 'Flatten', config: { name } });
        continue;
      case 'Reshape':
        layers.push({ className: 'Reshape', config: { name, targetShape: config.targetShape as number[] } });
        continue;
      default: {
        const spatial = spatialConfigFromTfjs(className, config, name, (id) => activationFromTfjs(id, name));
        if (spatial) {
          layers.push(spatial);
          weights.push(...readTfjsWeights([{ name, layers: [layer] }]));
          continue;
        }
        if (!supportedLayers.includes(className)) throw new TfjsUnsupportedError(`layer "${name}"`, className, supportedLayers);
        layers.push({ className: 'Activation', config: { name, activation: activationLayer(className, config, name) } });
      }
    }
  }
  if (layers.length === 0) throw new ArgumentError(`tfjs model "${model.name}" has no layers; expected at least one`);
  return {
    inputShape: inputShape as number[],
    layers,
    loss: getLoss(options.loss ?? compiledLoss(model) ?? 'mse').spec,
    optimizer: optimizerSpec(options.optimizer ?? compiledOptimizer(model) ?? 'sgd'),
    initialWeights: weights,
    seed: options.seed ?? 0,
  };
}

function activationLayer(className: string, config: Record<string, unknown>, name: string): ActivationSpec {
  switch (className) {
    case 'LeakyReLU':
      return { name: 'leakyRelu', alpha: Number(config.alpha) };
    case 'ELU':
    case 'BackpropScaledElu':
      return { name: 'elu', alpha: Number(config.alpha) };
    case 'ReLU':
      if (config.maxValue != null) throw new TfjsUnsupportedError(`layer "${name}"`, `ReLU(maxValue=${config.maxValue})`, ['ReLU without maxValue']);
      return { name: 'relu', alpha: 0 };
    case 'Softmax':
      if (config.axis !== undefined && config.axis !== -1 && config.axis !== 1) {
        throw new TfjsUnsupportedError(`layer "${name}"`, `Softmax(axis=${config.axis})`, ['Softmax over the last axis']);
      }
      return { name: 'softmax', alpha: 0 };
    case 'Activation':
      return activationFromTfjs(String(config.activation), name);
    default:
      throw new TfjsUnsupportedError(`layer "${name}"`, className, supportedLayers);
  }
}

function compiledLoss(model: tf.LayersModel): string | null {
  const loss = (model as unknown as { loss?: unknown }).loss;
  if (typeof loss !== 'string') return null;
  try {
    return resolveLossName(loss);
  } catch {
    return null;
  }
}

function compiledOptimizer(model: tf.LayersModel): Required<OptimizerSpec> | null {
  const optimizer = (model as unknown as { optimizer?: tf.Optimizer }).optimizer;
  return optimizer ? optimizerFromTfjs(optimizer) : null;
}
