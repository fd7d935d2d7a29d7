import {
  type ActivationSpec,
  ArgumentError,
  getLoss,
  type LayerWeights,
  type OptimizerSpec,
  optimizerSpec,
  resolveLossName,
} from '@backprop/core';
import type { DenseLayerSpec, ModelSpec } from '@backprop/layers';
import type * as tf from '@tensorflow/tfjs';
import { activationFromTfjs } from './activation-mapping';
import { TfjsUnsupportedError } from './errors';
import { optimizerFromTfjs } from './tfjs-optimizer';
import { readDenseWeights } from './tfjs-weights';

export interface TfjsModelToSpecOptions {
  /** Default: the compiled model's loss when core has it, else `mse`. */
  readonly loss?: string | { name: string; delta?: number };
  /** Default: the compiled model's optimizer when core has it, else `sgd` with Keras's defaults. */
  readonly optimizer?: string | OptimizerSpec;
  /** Default 0. */
  readonly seed?: number;
}

/** Layer classes this reader understands. */
const supportedLayers = ['Dense', 'LeakyReLU', 'ELU', 'BackpropScaledElu', 'ReLU', 'Softmax', 'Activation', 'Dropout', 'InputLayer'];

interface Draft {
  name: string;
  units: number;
  activation: ActivationSpec;
  /** Whether the Dense's own activation is linear, so a following activation layer may fold into it. */
  open: boolean;
  useBias: boolean;
  dropoutRate: number;
}

/**
 * Read a tfjs model made of Dense layers (plus activation and dropout layers after them) into a model spec with
 * its current weights as the initial ones. Anything else — a Conv2D, a Dense on a rank-3 input, an activation core
 * does not have — throws `TfjsUnsupportedError` naming the layer.
 */
export function tfjsModelToSpec(model: tf.LayersModel, options: TfjsModelToSpecOptions = {}): ModelSpec {
  const inputShape = model.inputs[0]?.shape;
  if (inputShape?.length !== 2 || typeof inputShape[1] !== 'number') {
    throw new TfjsUnsupportedError('input shape', JSON.stringify(inputShape), ['[null, features]'], 'only flat inputs reach dense layers');
  }
  const drafts: Draft[] = [];
  const weights: LayerWeights[] = [];
  for (const layer of model.layers) {
    const className = layer.getClassName();
    const config = layer.getConfig() as Record<string, unknown>;
    const previous = drafts[drafts.length - 1];
    if (className === 'InputLayer') continue;
    if (className === 'Dense') {
      const activation = activationFromTfjs(String(config.activation ?? 'linear'), layer.name);
      drafts.push({
        name: layer.name,
        units: Number(config.units),
        activation,
        open: activation.name === 'linear',
        useBias: config.useBias !== false,
        dropoutRate: 0,
      });
      weights.push(readDenseWeights(layer));
      continue;
    }
    if (!previous) throw new TfjsUnsupportedError(`layer "${layer.name}" before the first Dense`, className, ['Dense']);
    if (className === 'Dropout') {
      if (previous.dropoutRate > 0) throw new TfjsUnsupportedError(`second dropout after "${previous.name}"`, layer.name, ['one Dropout per Dense']);
      previous.dropoutRate = Number(config.rate);
      continue;
    }
    const activation = activationLayer(className, config, layer.name);
    if (!previous.open || previous.dropoutRate > 0) {
      throw new TfjsUnsupportedError(
        `activation layer "${layer.name}"`,
        className,
        ['directly after a Dense with linear activation'],
        `it follows "${previous.name}", whose activation is already ${previous.activation.name}`,
      );
    }
    previous.activation = activation;
    previous.open = false;
  }
  if (drafts.length === 0) throw new ArgumentError(`tfjs model "${model.name}" has no Dense layer; expected at least one`);
  const layers: DenseLayerSpec[] = drafts.map(({ name, units, activation, useBias, dropoutRate }) => ({ name, units, activation, useBias, dropoutRate }));
  return {
    inputSize: inputShape[1],
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
