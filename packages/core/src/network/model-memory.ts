import { KernelError, ModelSizeError } from '../errors';
import { JS_MEMORY_LIMIT_BYTES } from '../kernels/js-kernels';
import type { Kernels } from '../kernels/kernels';

/** A dense layer as far as its memory goes. */
export interface MemoryLayer {
  /** Keras-style name (`dense_1`); the message then says `Dense "dense_1"`, else `layer 1`. */
  readonly name?: string;
  readonly units: number;
  readonly useBias?: boolean;
  readonly dropoutRate?: number;
  /** Width of its input; default the previous Dense's units (the first: `inputSize`). Set it when other layers sit in between (a Flatten after convolutions). */
  readonly inputs?: number;
}

/** A layer other than Dense (Conv2D, pooling, padding) as far as its memory goes. */
export interface OtherMemoryLayer {
  /** For messages: `Conv2D "conv2d"`. */
  readonly label: string;
  /** Weights (as many gradients and optimizer slots follow). */
  readonly params: number;
  /** Values of its batch buffers per sample (see each core layer's `bufferWidths`). */
  readonly valuesPerRow: number;
}

export interface DenseMemoryOptions {
  readonly inputSize: number;
  readonly layers: readonly MemoryLayer[];
  /** Per-sample output width; default the last Dense's units (set it when the model ends in another layer). */
  readonly outputSize?: number;
  /** Layers other than Dense: their weights and batch buffers. */
  readonly otherLayers?: readonly OtherMemoryLayer[];
  /** Rows of the largest batch the network will see (its per-batch buffers are sized for it). */
  readonly batchSize: number;
  /** State buffers the optimizer keeps per parameter: 0 for plain SGD, 1 with momentum, 2 for Adam and RMSprop. */
  readonly optimizerSlots?: number;
  /** 4 for float32 (default), 8 for float64. */
  readonly bytesPerValue?: number;
}

/** Bytes a dense network needs, by kind, and its largest layer. */
export interface DenseMemoryEstimate {
  readonly params: number;
  readonly weightBytes: number;
  readonly gradientBytes: number;
  readonly optimizerBytes: number;
  readonly activationBytes: number;
  readonly totalBytes: number;
  readonly batchSize: number;
  /** The layer with the most parameters: the one to name when the model does not fit. */
  readonly largest: { readonly label: string; readonly params: number; readonly bytes: number };
}

/**
 * What `DenseNetwork` and an optimizer will allocate for this model, computed from the shapes alone:
 * weights, as many gradients, the optimizer's state, and the per-batch buffers of its layers (input,
 * targets, each Dense's pre- and post-activations and their gradients, dropout masks and outputs, the loss gradient).
 * Plain arithmetic on numbers, so even a declared 10⁹ × 10⁹ layer is measured without allocating.
 */
export function estimateDenseMemory(options: DenseMemoryOptions): DenseMemoryEstimate {
  const { inputSize, layers, batchSize } = options;
  const bytes = options.bytesPerValue ?? 4;
  let params = 0;
  let largest = { label: '', params: -1, bytes: 0 };
  let fanIn = inputSize;
  const outputs = options.outputSize ?? layers[layers.length - 1]?.units ?? 0;
  let perRow = inputSize + outputs; // input and target rows
  layers.forEach((layer, index) => {
    fanIn = layer.inputs ?? fanIn;
    const layerParams = fanIn * layer.units + (layer.useBias === false ? 0 : layer.units);
    params += layerParams;
    if (layerParams > largest.params) largest = { label: layerLabel(layer, index), params: layerParams, bytes: layerParams * bytes };
    // Core's Dense keeps z, y, ∂z and ∂input per row; a Dropout after it its output and its mask.
    perRow += 3 * layer.units + fanIn + ((layer.dropoutRate ?? 0) > 0 ? 2 * layer.units : 0);
    fanIn = layer.units;
  });
  // The loss gradient, one output row.
  perRow += outputs;
  for (const other of options.otherLayers ?? []) {
    params += other.params;
    perRow += other.valuesPerRow;
    if (other.params > largest.params) largest = { label: other.label, params: other.params, bytes: other.params * bytes };
  }
  const weightBytes = params * bytes;
  const optimizerBytes = weightBytes * (options.optimizerSlots ?? 0);
  const activationBytes = batchSize * perRow * bytes;
  return {
    params,
    weightBytes,
    gradientBytes: weightBytes,
    optimizerBytes,
    activationBytes,
    totalBytes: 2 * weightBytes + optimizerBytes + activationBytes,
    batchSize,
    largest,
  };
}

/**
 * Throw `ModelSizeError` when the estimate exceeds `limitBytes`; `engine` names what limits it
 * (`the wasm kernels' heap`), for the message.
 */
export function checkDenseMemory(estimate: DenseMemoryEstimate, limitBytes: number, engine: string): void {
  if (estimate.totalBytes <= limitBytes) return;
  const detail =
    `weights ${mb(estimate.weightBytes)}, gradients ${mb(estimate.gradientBytes)}, optimizer state ${mb(estimate.optimizerBytes)}, ` +
    `activations of ${estimate.batchSize}-row batches ${mb(estimate.activationBytes)}; limit: ${engine}`;
  const { label, params, bytes } = estimate.largest;
  throw new ModelSizeError(label, params, bytes, estimate.totalBytes, limitBytes, detail);
}

/**
 * Run an allocation for `what` (e.g. `Dense "dense_1" kernel and gradient`), naming it in a kernel
 * error: the wasm heap is shared by every model of the process, so a model that passed the size check
 * can still meet a full heap, and the message should say which layer did.
 */
export function allocatingFor<T>(what: string, allocate: () => T): T {
  try {
    return allocate();
  } catch (error) {
    if (error instanceof KernelError) throw new KernelError(`${what}: ${error.message}`);
    throw error;
  }
}

export function layerLabel(layer: { readonly name?: string }, index: number): string {
  return layer.name === undefined ? `layer ${index}` : `Dense "${layer.name}"`;
}

function mb(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e6).toPrecision(2)} MB` : `${Number((bytes / 1e6).toPrecision(4))} MB`;
}

/**
 * The check `DenseNetwork` runs before allocating: its weights, gradients and buffers for `rows`-row
 * batches against the kernel set's memory (the optimizer is created separately and not counted here).
 */
export function checkNetworkMemory(
  network: { readonly inputSize: number; readonly layers: readonly MemoryLayer[]; readonly dtype?: 'float32' | 'float64' },
  kernels: Kernels,
  rows: number,
): void {
  const estimate = estimateDenseMemory({ inputSize: network.inputSize, layers: network.layers, batchSize: rows, bytesPerValue: network.dtype === 'float64' ? 8 : 4 });
  // A kernel set registered from plain JavaScript may lack the field: it then gets the js kernels' limit.
  checkDenseMemory(estimate, kernels.memoryLimitBytes ?? JS_MEMORY_LIMIT_BYTES, kernelsMemoryName(kernels));
}

/** What limits the memory of a kernel set, for messages. */
export function kernelsMemoryName(kernels: Kernels): string {
  if (kernels.name === 'wasm') return "the wasm kernels' fixed heap (BACKPROP_WASM_MEMORY_MB, at most 4096)";
  if (kernels.name === 'js') return 'the documented limit of the js kernels (JS_MEMORY_LIMIT_BYTES)';
  return `the memory of the "${kernels.name}" kernels`;
}
