import { type ActivationSpec, activationNames } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsUnsupportedError } from './errors';
import { ScaledElu } from './scaled-elu-layer';

/** How one core activation is built in tfjs: the Dense layer's own activation, plus layers after it. */
export interface TfjsActivationPlan {
  /** The tfjs Dense `activation` identifier. */
  readonly denseActivation: 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'softmax' | 'elu';
  /** Layers applied after the Dense, for activations with a parameter tfjs Dense cannot take. */
  readonly extraLayers: (name: string) => tf.layers.Layer[];
}

const direct = new Set(['linear', 'sigmoid', 'tanh', 'relu', 'softmax']);

/** Core's activations that have a TensorFlow.js twin (all but the perceptron's `step`). */
export const tfjsActivationNames = activationNames.filter((name) => name !== 'step');

/**
 * Map a core activation to tfjs. tfjs's sigmoid, tanh, relu and softmax compute the same functions
 * (softmax subtracts the row maximum first, as core does).
 */
export function tfjsActivation(activation: ActivationSpec): TfjsActivationPlan {
  const { name, alpha } = activation;
  if (direct.has(name)) return { denseActivation: name as TfjsActivationPlan['denseActivation'], extraLayers: () => [] };
  if (name === 'leakyRelu') {
    // Porting note: tfjs's Dense has no parametrised 'leakyRelu' activation; a LeakyReLU layer after a linear
    // Dense is the Keras idiom. Its gradient at 0 is α, like core's (z > 0 ? 1 : α).
    return { denseActivation: 'linear', extraLayers: (n) => [tf.layers.leakyReLU({ alpha, name: `${n}_leaky_relu` })] };
  }
  if (name === 'elu') {
    if (alpha === 1) return { denseActivation: 'elu', extraLayers: () => [] };
    return { denseActivation: 'linear', extraLayers: (n) => [new ScaledElu({ alpha, name: `${n}_elu` })] };
  }
  throw new TfjsUnsupportedError('activation', name, tfjsActivationNames, 'the unit step has no gradient and no tfjs Dense activation');
}

/** Dense activations of a tfjs model that mean the same as one of core's. */
const fromTfjsDense: Record<string, ActivationSpec> = {
  linear: { name: 'linear', alpha: 0 },
  sigmoid: { name: 'sigmoid', alpha: 0 },
  tanh: { name: 'tanh', alpha: 0 },
  relu: { name: 'relu', alpha: 0 },
  softmax: { name: 'softmax', alpha: 0 },
  elu: { name: 'elu', alpha: 1 },
};

/** The core activation for a tfjs Dense `activation` identifier. */
export function activationFromTfjs(identifier: string, layerName: string): ActivationSpec {
  const spec = fromTfjsDense[identifier];
  if (!spec) {
    throw new TfjsUnsupportedError(`activation of tfjs layer "${layerName}"`, identifier, Object.keys(fromTfjsDense), 'core has no such activation');
  }
  return spec;
}
