import { activationSpec } from '../activations/activation-registry';
import { describeValue, findNonFinite, ModelFormatError, NonFiniteWeightError } from '../errors';
import type { ActivationSpec } from '../kernels/kernels';
import type { LossSpec } from '../losses/loss-registry';
import { DenseNetwork } from '../network/dense-network';
import { NeuralNetwork } from '../network/neural-network';
import { checkTensor, decodeTensor, denseNetworkShapes, neuralNetworkShapes } from './network-file-shapes';

/** Identifies our network files; `version` grows when the layout changes. */
export const NETWORK_FILE_FORMAT = 'backprop-network';
export const NETWORK_FILE_VERSION = 1;

interface EncodedTensor {
  shape: number[];
  /** Little-endian float32, base64. */
  data: string;
}

export interface NetworkFile {
  format: typeof NETWORK_FILE_FORMAT;
  version: number;
  kind: 'NeuralNetwork' | 'DenseNetwork';
  config:
    | { layers: number[]; alpha: number }
    | { inputSize: number; layers: { units: number; activation: ActivationSpec; useBias: boolean }[]; loss: LossSpec };
  weights: { kernel: EncodedTensor; bias: EncodedTensor | null }[];
}

function encode(values: ArrayLike<number>, shape: number[], layer: number, weight: 'kernel' | 'bias'): EncodedTensor {
  // deserializeNetwork refuses non-finite values, so they are refused here too: never write what cannot be read back.
  const bad = findNonFinite(values);
  if (bad) throw new NonFiniteWeightError(`layer ${layer}`, weight, bad.index, bad.value, bad.count);
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeFloatLE(values[i], i * 4);
  return { shape, data: bytes.toString('base64') };
}

/**
 * The file content of a trained network: versioned JSON with base64 float32 weights. Non-finite weights
 * (a diverged training) are a NonFiniteWeightError naming the layer, as the loader would refuse them.
 */
export function serializeNetwork(network: NeuralNetwork | DenseNetwork): string {
  const dense = network instanceof NeuralNetwork ? network.network : network;
  const file: NetworkFile = {
    format: NETWORK_FILE_FORMAT,
    version: NETWORK_FILE_VERSION,
    kind: network instanceof NeuralNetwork ? 'NeuralNetwork' : 'DenseNetwork',
    config:
      network instanceof NeuralNetwork
        ? { layers: [...network.layers], alpha: network.alpha }
        : {
            inputSize: dense.inputSize,
            layers: dense.layers.map((l) => ({ units: l.units, activation: l.activation, useBias: l.bias !== null })),
            loss: dense.loss.spec,
          },
    weights: dense.layers.map((l, i) => ({
      kernel: encode(l.kernel, [l.inputs, l.units], i, 'kernel'),
      bias: l.bias ? encode(l.bias, [l.units], i, 'bias') : null,
    })),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Rebuild a network from `serializeNetwork`'s output, validating version, config, shapes and values. Every
 * size the file declares is checked against the data it actually holds before any weight memory is
 * allocated; anything malformed is a ModelFormatError naming `source`.
 */
export function deserializeNetwork(text: string, source = 'model file'): NeuralNetwork | DenseNetwork {
  if (typeof text !== 'string') throw new ModelFormatError(`${source}: expected the file's text, got ${describeValue(text)}`);
  let file: NetworkFile;
  try {
    file = JSON.parse(text);
  } catch (error) {
    throw new ModelFormatError(`${source} is not valid JSON (truncated or corrupted?): ${(error as Error).message}`);
  }
  if (file === null || typeof file !== 'object' || file.format !== NETWORK_FILE_FORMAT) {
    throw new ModelFormatError(`${source}: expected format "${NETWORK_FILE_FORMAT}", got ${JSON.stringify(file?.format)}`);
  }
  if (file.version !== NETWORK_FILE_VERSION) {
    throw new ModelFormatError(`${source}: expected version ${NETWORK_FILE_VERSION}, got ${JSON.stringify(file.version)}`);
  }
  if (!Array.isArray(file.weights)) throw new ModelFormatError(`${source}: expected a weights list, got ${describeValue(file.weights)}`);
  const declared =
    file.kind === 'NeuralNetwork'
      ? neuralNetworkShapes(file.config, source)
      : file.kind === 'DenseNetwork'
        ? denseNetworkShapes(file.config, source)
        : null;
  if (!declared) throw new ModelFormatError(`${source}: expected kind "NeuralNetwork" or "DenseNetwork", got ${JSON.stringify(file.kind)}`);
  if (file.weights.length !== declared.shapes.length) {
    throw new ModelFormatError(`${source}: expected weights for ${declared.shapes.length} layers, got ${file.weights.length}`);
  }
  // Every tensor is checked against the config and its data's length before the network (and its weight
  // buffers) is built: a file declaring huge layers without the bytes to fill them allocates nothing.
  const tensors = declared.shapes.map((shape, i) => {
    const entry = file.weights[i] as unknown as Record<string, unknown> | null;
    if (entry === null || typeof entry !== 'object') throw new ModelFormatError(`${source} layer ${i} must be { kernel, bias }, got ${describeValue(entry)}`);
    return {
      kernel: checkTensor(entry.kernel, shape.kernel, `${source} layer ${i} kernel`),
      bias: shape.bias ? checkTensor(entry.bias, shape.bias, `${source} layer ${i} bias`) : null,
    };
  });
  let network: NeuralNetwork | DenseNetwork;
  let dense: DenseNetwork;
  try {
    if ('alpha' in declared) {
      network = new NeuralNetwork(declared.layers, { alpha: declared.alpha, seed: 0 });
      dense = network.network;
    } else {
      dense = new DenseNetwork({
        inputSize: declared.inputSize,
        layers: declared.layers.map((l) => ({ units: l.units, activation: activationSpec(l.activation as ActivationSpec), useBias: l.useBias })),
        loss: declared.loss as LossSpec,
      });
      network = dense;
    }
  } catch (error) {
    if (error instanceof ModelFormatError) throw error;
    throw new ModelFormatError(`${source}: invalid config: ${(error as Error).message}`);
  }
  dense.setWeights(tensors.map((t) => ({ kernel: decodeTensor(t.kernel), bias: t.bias ? decodeTensor(t.bias) : null })));
  return network;
}
