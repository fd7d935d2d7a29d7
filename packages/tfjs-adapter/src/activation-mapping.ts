import { ACTIVATION_DESCRIPTORS, type ActivationName, type ActivationSpec, activationNames } from '@backprop/core';
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

/** tfjs's Dense activation identifier of each core activation that has one, from core's descriptors. */
const tfjsDenseIdentifier = (name: ActivationName): string | null => ACTIVATION_DESCRIPTORS[name].tfjs;

/** Core's activations that have a TensorFlow.js twin: a Dense identifier or a layer (all but the perceptron's `step`). */
export const tfjsActivationNames = activationNames.filter(
  (name) => tfjsDenseIdentifier(name) !== null || ACTIVATION_DESCRIPTORS[name].kerasLayer !== null,
);

/**
 * Map a core activation to tfjs. tfjs's sigmoid, tanh, relu and softmax compute the same functions
 * (softmax subtracts the row maximum first, as core does).
 */
export function tfjsActivation(activation: ActivationSpec): TfjsActivationPlan {
  const { name, alpha } = activation;
  const identifier = tfjsDenseIdentifier(name);
  // A Dense identifier holds the activation when it has no parameter, or the identifier's fixed one (elu: α = 1).
  if (identifier !== null && (ACTIVATION_DESCRIPTORS[name].kerasLayer === null || alpha === ACTIVATION_DESCRIPTORS[name].defaultAlpha)) {
    return { denseActivation: identifier as TfjsActivationPlan['denseActivation'], extraLayers: () => [] };
  }
  if (name === 'leakyRelu') {
    // Porting note: tfjs's Dense has no parametrised 'leakyRelu' activation; a LeakyReLU layer after a linear
    // Dense is the Keras idiom. Its gradient at 0 is α, like core's (z > 0 ? 1 : α).
    return { denseActivation: 'linear', extraLayers: (n) => [tf.layers.leakyReLU({ alpha, name: `${n}_leaky_relu` })] };
  }
  if (name === 'elu') {
    return { denseActivation: 'linear', extraLayers: (n) => [new ScaledElu({ alpha, name: `${n}_elu` })] };
  }
  throw new TfjsUnsupportedError('activation', name, tfjsActivationNames, 'the unit step has no gradient and no tfjs Dense activation');
}

/**
 * The tfjs layer of a Keras `Activation` layer named `name`: `tf.layers.activation` where an identifier
 * holds the activation, else the LeakyReLU / ELU layer of `tfjsActivation`, under that name.
 */
export function tfjsActivationLayer(activation: ActivationSpec, args: { name: string; inputShape?: number[] }): tf.layers.Layer {
  const plan = tfjsActivation(activation);
  if (activation.name === 'leakyRelu') return tf.layers.leakyReLU({ alpha: activation.alpha, ...args });
  if (activation.name === 'elu' && plan.denseActivation === 'linear') return new ScaledElu({ alpha: activation.alpha, ...args });
  return tf.layers.activation({ activation: plan.denseActivation, ...args });
}

/** Dense activations of a tfjs model that mean the same as one of core's (with its default α), from core's descriptors. */
const fromTfjsDense: Record<string, ActivationSpec> = Object.fromEntries(
  activationNames.flatMap((name) => {
    const identifier = tfjsDenseIdentifier(name);
    return identifier === null ? [] : [[identifier, { name, alpha: ACTIVATION_DESCRIPTORS[name].defaultAlpha }]];
  }),
);

/** The core activation for a tfjs Dense `activation` identifier. */
export function activationFromTfjs(identifier: string, layerName: string): ActivationSpec {
  const spec = fromTfjsDense[identifier];
  if (!spec) {
    throw new TfjsUnsupportedError(`activation of tfjs layer "${layerName}"`, identifier, Object.keys(fromTfjsDense), 'core has no such activation');
  }
  return spec;
}
