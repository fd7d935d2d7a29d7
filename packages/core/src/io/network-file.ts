import { activationSpec } from '../activations/activation-registry';
import { ModelFormatError } from '../errors';
import type { ActivationSpec } from '../kernels/kernels';
import type { LossSpec } from '../losses/loss-registry';
import { DenseNetwork } from '../network/dense-network';
import { NeuralNetwork } from '../network/neural-network';

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

function encode(values: ArrayLike<number>, shape: number[]): EncodedTensor {
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeFloatLE(values[i], i * 4);
  return { shape, data: bytes.toString('base64') };
}

function decode(tensor: unknown, shape: number[], where: string): Float32Array {
  const t = tensor as EncodedTensor;
  if (!t || !Array.isArray(t.shape) || typeof t.data !== 'string') {
    throw new ModelFormatError(`${where} must be { shape, data: base64 }, got ${JSON.stringify(tensor)?.slice(0, 60)}`);
  }
  if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
    throw new ModelFormatError(`${where} must have shape [${shape}], got [${t.shape}]`);
  }
  const bytes = Buffer.from(t.data, 'base64');
  const n = shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== n * 4) {
    throw new ModelFormatError(`${where} must hold ${n} float32 values (${n * 4} bytes), got ${bytes.length} bytes (truncated or corrupted)`);
  }
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const v = bytes.readFloatLE(i * 4);
    if (!Number.isFinite(v)) throw new ModelFormatError(`${where} value ${i} must be finite, got ${v}`);
    out[i] = v;
  }
  return out;
}

/** The file content of a trained network: versioned JSON with base64 float32 weights. */
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
    weights: dense.layers.map((l) => ({
      kernel: encode(l.kernel, [l.inputs, l.units]),
      bias: l.bias ? encode(l.bias, [l.units]) : null,
    })),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** Rebuild a network from `serializeNetwork`'s output, validating version, shapes and values. */
export function deserializeNetwork(text: string, source = 'model file'): NeuralNetwork | DenseNetwork {
  let file: NetworkFile;
  try {
    file = JSON.parse(text);
  } catch (error) {
    throw new ModelFormatError(`${source} is not valid JSON (truncated or corrupted?): ${(error as Error).message}`);
  }
  if (!file || file.format !== NETWORK_FILE_FORMAT) {
    throw new ModelFormatError(`${source}: expected format "${NETWORK_FILE_FORMAT}", got ${JSON.stringify(file?.format)}`);
  }
  if (file.version !== NETWORK_FILE_VERSION) {
    throw new ModelFormatError(`${source}: expected version ${NETWORK_FILE_VERSION}, got ${JSON.stringify(file.version)}`);
  }
  if (!Array.isArray(file.weights)) throw new ModelFormatError(`${source}: expected a weights list, got ${typeof file.weights}`);
  let network: NeuralNetwork | DenseNetwork;
  let dense: DenseNetwork;
  try {
    if (file.kind === 'NeuralNetwork') {
      const config = file.config as { layers: number[]; alpha: number };
      network = new NeuralNetwork(config.layers, { alpha: config.alpha, seed: 0 });
      dense = network.network;
    } else if (file.kind === 'DenseNetwork') {
      const config = file.config as Extract<NetworkFile['config'], { inputSize: number }>;
      dense = new DenseNetwork({
        inputSize: config.inputSize,
        layers: config.layers.map((l) => ({ units: l.units, activation: activationSpec(l.activation), useBias: l.useBias })),
        loss: config.loss,
      });
      network = dense;
    } else {
      throw new ModelFormatError(`${source}: expected kind "NeuralNetwork" or "DenseNetwork", got ${JSON.stringify(file.kind)}`);
    }
  } catch (error) {
    if (error instanceof ModelFormatError) throw error;
    throw new ModelFormatError(`${source}: invalid config: ${(error as Error).message}`);
  }
  if (file.weights.length !== dense.layers.length) {
    throw new ModelFormatError(`${source}: expected weights for ${dense.layers.length} layers, got ${file.weights.length}`);
  }
  dense.setWeights(
    dense.layers.map((l, i) => ({
      kernel: decode(file.weights[i]?.kernel, [l.inputs, l.units], `${source} layer ${i} kernel`),
      bias: l.bias ? decode(file.weights[i]?.bias, [l.units], `${source} layer ${i} bias`) : null,
    })),
  );
  return network;
}
