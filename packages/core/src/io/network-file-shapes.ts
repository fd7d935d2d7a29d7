import { ModelFormatError } from '../errors';

/**
 * The checks of a network file that must run before any weight memory is allocated: the sizes its config
 * declares, the shapes of its tensors and the bytes its base64 data actually holds. A file declaring a
 * 60000×60000 layer is refused here, in microseconds, unless it really carries 14.4 GB of weights.
 */

/** The shapes a network's config implies: one kernel (and maybe a bias) per layer. */
export interface DeclaredLayer {
  readonly kernel: readonly [number, number];
  readonly bias: readonly [number] | null;
}

/** A layer of a DenseNetwork config as the file stores it. */
export interface DenseLayerRecord {
  units: number;
  activation: unknown;
  useBias: boolean;
}

/** Layer widths beyond this are refused outright, whatever the data (2^24: 64 MB per row of float32). */
export const MAX_LAYER_WIDTH = 2 ** 24;

function width(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > MAX_LAYER_WIDTH) {
    throw new ModelFormatError(`${where} must be a positive integer up to ${MAX_LAYER_WIDTH}, got ${JSON.stringify(value) ?? String(value)}`);
  }
  return value;
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ModelFormatError(`${where} must be an object, got ${JSON.stringify(value)?.slice(0, 60) ?? String(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * NeuralNetwork (the tutorial's bias trick): kernel i is (layers[i]+1)×(layers[i+1]+1), the last one
 * (layers[-2]+1)×layers[-1], no separate biases.
 */
export function neuralNetworkShapes(config: unknown, source: string): { layers: number[]; alpha: number; shapes: DeclaredLayer[] } {
  const c = object(config, `${source}: config`);
  if (!Array.isArray(c.layers) || c.layers.length < 2) {
    throw new ModelFormatError(`${source}: config.layers must list at least an input and an output size, got ${JSON.stringify(c.layers)?.slice(0, 60)}`);
  }
  const layers = c.layers.map((size, i) => width(size, `${source}: config.layers[${i}]`));
  if (typeof c.alpha !== 'number' || !(c.alpha > 0) || !Number.isFinite(c.alpha)) {
    throw new ModelFormatError(`${source}: config.alpha must be a positive finite number, got ${JSON.stringify(c.alpha) ?? 'undefined'}`);
  }
  const last = layers.length - 1;
  const shapes = layers.slice(1).map((size, i): DeclaredLayer => ({ kernel: [layers[i] + 1, i + 1 === last ? size : size + 1], bias: null }));
  return { layers, alpha: c.alpha, shapes };
}

/** DenseNetwork: kernel i is inputs×units, with a bias of `units` values when the layer uses one. */
export function denseNetworkShapes(config: unknown, source: string): { inputSize: number; layers: DenseLayerRecord[]; loss: unknown; shapes: DeclaredLayer[] } {
  const c = object(config, `${source}: config`);
  const inputSize = width(c.inputSize, `${source}: config.inputSize`);
  if (!Array.isArray(c.layers) || c.layers.length === 0) {
    throw new ModelFormatError(`${source}: config.layers must be a non-empty list of layers, got ${JSON.stringify(c.layers)?.slice(0, 60)}`);
  }
  let inputs = inputSize;
  const layers: DenseLayerRecord[] = [];
  const shapes = c.layers.map((entry, i): DeclaredLayer => {
    const layer = object(entry, `${source}: config.layers[${i}]`);
    const units = width(layer.units, `${source}: config.layers[${i}].units`);
    if (typeof layer.useBias !== 'boolean') throw new ModelFormatError(`${source}: config.layers[${i}].useBias must be true or false, got ${JSON.stringify(layer.useBias)}`);
    layers.push({ units, activation: layer.activation, useBias: layer.useBias });
    const shape: DeclaredLayer = { kernel: [inputs, units], bias: layer.useBias ? [units] : null };
    inputs = units;
    return shape;
  });
  return { inputSize, layers, loss: c.loss, shapes };
}

/** A tensor as the file stores it, checked against its declared shape, its data not yet decoded. */
export interface CheckedTensor {
  readonly count: number;
  readonly data: string;
  readonly where: string;
}

/**
 * Check one `{ shape, data }` record against the shape the config declares and the bytes its base64 data
 * holds — computed from the string's length, without decoding it.
 */
export function checkTensor(tensor: unknown, shape: readonly number[], where: string): CheckedTensor {
  const t = tensor as { shape?: unknown; data?: unknown } | null | undefined;
  if (t === null || typeof t !== 'object' || !Array.isArray(t.shape) || typeof t.data !== 'string') {
    throw new ModelFormatError(`${where} must be { shape, data: base64 }, got ${JSON.stringify(tensor)?.slice(0, 60) ?? String(tensor)}`);
  }
  if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
    throw new ModelFormatError(`${where} must have shape [${shape}], got [${t.shape.map((d) => JSON.stringify(d)).join(',').slice(0, 60)}]`);
  }
  const count = shape.reduce((a, b) => a * b, 1);
  const bytes = base64ByteLength(t.data);
  if (bytes === null) throw new ModelFormatError(`${where} data must be base64 (A-Z, a-z, 0-9, +, /, = padding), got ${JSON.stringify(t.data.slice(0, 40))}${t.data.length > 40 ? '…' : ''}`);
  if (bytes !== count * 4) {
    throw new ModelFormatError(`${where} must hold ${count} float32 values (${count * 4} bytes), got ${bytes} bytes (truncated or corrupted)`);
  }
  return { count, data: t.data, where };
}

/** Decode a checked tensor: little-endian float32 values, each finite. */
export function decodeTensor({ count, data, where }: CheckedTensor): Float32Array {
  const bytes = Buffer.from(data, 'base64');
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const v = bytes.readFloatLE(i * 4);
    if (!Number.isFinite(v)) throw new ModelFormatError(`${where} value ${i} must be finite, got ${v}`);
    out[i] = v;
  }
  return out;
}

/** Bytes a strict, padded base64 string decodes to, or null if it is not one. */
function base64ByteLength(data: string): number | null {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return null;
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}
