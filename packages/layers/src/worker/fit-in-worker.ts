import { ArgumentError, checkBooleanOption, describeValue, NotSupportedError } from '@backprop/core';
import { History } from '../callbacks/history';
import { type InputData, isBatchSource, type TargetData, toInputMatrix, toTargetMatrix } from '../data/batch-source';
import type { ModelArtifacts } from '../io/model-io-handler';
import type { CompileOptions } from '../model/compile-options';
import { type FitOptions, normalizeFitOptions } from '../model/fit-options';
import type { Sequential } from '../model/sequential';
import { WorkerFitError } from './worker-fit-error';
import {
  type FitProgressEvent,
  type FitRequest,
  isProtocolMessage,
  onMessage,
  onWorkerError,
  type PortableMatrix,
  type PortableWeight,
  type WorkerPort,
  type WorkerReply,
} from './worker-protocol';

/** `fit` options for a run in a worker, plus what the worker needs to rebuild the model. */
export interface FitInWorkerOptions extends Omit<FitOptions, 'callbacks' | 'validationData'> {
  /** The model's compile options (loss, optimizer, metrics, backend): the worker compiles its copy with them. */
  compile: CompileOptions;
  /** `[x, y]` in memory (a BatchSource holds functions and cannot cross threads). */
  validationData?: readonly [InputData, TargetData];
  /** Every callback hook of the worker's `fit`, in order, with its logs (batch hooks only with `batchEvents`). */
  onProgress?: (event: FitProgressEvent) => void;
  /** Post batch events as well as epoch events; default true. */
  batchEvents?: boolean;
  /** Attach each epoch's weights to its `epochEnd` event (to draw them as training runs); default false. */
  epochWeights?: boolean;
  /** Aborting it stops training after the current batch, like `run.stop()`. */
  signal?: AbortSignal;
  /** Copy the trained weights into `model` when the run ends; default true. */
  applyWeights?: boolean;
}

export interface WorkerFitResult {
  /** The worker's History, as `fit` returns it (also set as `model.history`). */
  readonly history: History;
  /** The trained weights in `getWeights` order, each with its shape. */
  readonly weights: PortableWeight[];
  /** True when the run ended early because of `stop()` or the signal. */
  readonly stopped: boolean;
  /** The backend that trained in the worker, and core's kernel set there (`describeKernels()`). */
  readonly backend: string;
  readonly kernels: string;
}

/** A training run in a worker: `await run.result`; `run.stop()` ends it after the current batch. */
export interface WorkerFitRun {
  readonly result: Promise<WorkerFitResult>;
  stop(): void;
}

let nextId = 1;

/**
 * Train `model` in a worker so the page (or the Node event loop) stays free: the model's topology and
 * current weights go to the worker as model.json + weights (the tfjs layers format, as `model.save`
 * writes them), with the data and `compile`; the worker (`serveFit`) fits and posts every callback
 * hook back to `onProgress`, then the trained weights, which are set on `model` (see `applyWeights`).
 * The run is the one a first `model.fit` on this thread would make: same initial weights, same seed for
 * shuffling and dropout, so on the same kernels the weights are bit-identical.
 * `worker` is a Web Worker, a `MessagePort`, or Node's `worker_threads` Worker running `serveFit`.
 */
export function fitInWorker(worker: WorkerPort, model: Sequential, x: InputData, y: TargetData, options: FitInWorkerOptions): WorkerFitRun {
  const id = nextId++;
  const stop = () => worker.postMessage({ type: 'backprop:stop', id });
  const result = request(worker, id, model, x, y, options);
  const signal = options?.signal;
  if (signal) {
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
    result.then(
      () => signal.removeEventListener('abort', stop),
      () => signal.removeEventListener('abort', stop),
    );
  }
  return { result, stop };
}

async function request(worker: WorkerPort, id: number, model: Sequential, x: InputData, y: TargetData, options: FitInWorkerOptions): Promise<WorkerFitResult> {
  if (options === null || typeof options !== 'object') throw new ArgumentError(`fitInWorker options must be an object with compile, got ${describeValue(options)}`);
  const { compile, validationData, onProgress, batchEvents: batches, epochWeights: weights, signal: _signal, applyWeights: apply, ...fit } = options;
  const batchEvents = checkBooleanOption(batches, 'batchEvents', 'fitInWorker options') ?? true;
  const epochWeights = checkBooleanOption(weights, 'epochWeights', 'fitInWorker options') ?? false;
  const applyWeights = checkBooleanOption(apply, 'applyWeights', 'fitInWorker options') ?? true;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new ArgumentError(`fitInWorker onProgress must be a function, got ${describeValue(onProgress)}`);
  if (compile === null || typeof compile !== 'object') throw new ArgumentError(`fitInWorker needs compile: the options given to model.compile, e.g. { loss: 'mse', optimizer: SGD(0.1) }; got ${describeValue(compile)}`);
  if ('callbacks' in fit) {
    throw new ArgumentError('fitInWorker options cannot hold callbacks (Callback objects cannot cross threads); use onProgress for the hooks, and run.stop() or signal to stop');
  }
  // The fit options are checked here, so a typo fails on this thread with its own error class.
  normalizeFitOptions({ ...fit });
  if (isBatchSource(x) || (validationData !== undefined && isBatchSource(validationData))) {
    throw new NotSupportedError('fitInWorker data', 'a BatchSource (its readBatch cannot cross threads); pass x and y in memory');
  }
  for (const key of Object.keys(compile)) checkCloneable((compile as unknown as Record<string, unknown>)[key], `compile.${key}`);
  const portable: FitRequest['fit'] = { ...fit, ...(validationData ? { validationData: [portableMatrix(toInputMatrix(validationData[0], 'validationData x')), portableMatrix(toTargetMatrix(validationData[1], 'validationData y'))] } : {}) };
  let artifacts: ModelArtifacts | null = null;
  await model.save({
    save: async (saved) => {
      artifacts = saved;
    },
  });
  const { modelJson, weightData } = artifacts!;
  const message: FitRequest = {
    type: 'backprop:fit',
    id,
    modelJson,
    weightsPath: modelJson.weightsManifest[0]?.paths[0] ?? 'weights.bin',
    weightData,
    // The seed is private to Sequential; the worker's copy must draw the same shuffles and dropout masks.
    seed: (model as unknown as { seed: number }).seed,
    compile,
    x: portableMatrix(toInputMatrix(x, 'x')),
    y: portableMatrix(toTargetMatrix(y, 'y')),
    fit: portable,
    batchEvents,
    epochWeights,
  };
  const reply = await exchange(worker, id, message, onProgress);
  const history = new History();
  reply.history.epoch.forEach((epoch, i) => history.onEpochEnd(epoch, Object.fromEntries(Object.entries(reply.history.history).map(([key, values]) => [key, values[i]]))));
  if (applyWeights) {
    model.setWeights(reply.weights.map((w) => (w.shape.length === 2 ? { data: w.values, shape: [w.shape[0], w.shape[1]] as const } : w.values)));
    model.history = history;
  }
  return { history, weights: reply.weights, stopped: reply.stopped, backend: reply.backend, kernels: reply.kernels };
}

/** Send the request and wait for its `done` or `error`, passing progress events on. */
function exchange(worker: WorkerPort, id: number, message: FitRequest, onProgress?: (event: FitProgressEvent) => void): Promise<Extract<WorkerReply, { type: 'backprop:done' }>> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stopMessages();
      stopErrors();
    };
    const stopErrors = onWorkerError(worker, (text) => {
      cleanup();
      reject(new WorkerFitError('Error', `the worker failed: ${text}`));
    });
    const stopMessages = onMessage(worker, (data) => {
      if (!isProtocolMessage(data) || (data as WorkerReply).id !== id) return;
      const reply = data as WorkerReply;
      if (reply.type === 'backprop:progress') {
        onProgress?.(reply.event);
      } else if (reply.type === 'backprop:done') {
        cleanup();
        resolve(reply);
      } else if (reply.type === 'backprop:error') {
        cleanup();
        reject(new WorkerFitError(reply.name, reply.message));
      }
    });
    // The matrices and weight bytes are copies made for this message: moved, not copied again.
    const transfer = [message.x.data.buffer, message.y.data.buffer, ...(message.fit.validationData ?? []).map((m) => m.data.buffer)] as ArrayBuffer[];
    if (message.weightData.byteLength === message.weightData.buffer.byteLength) transfer.push(message.weightData.buffer as ArrayBuffer);
    worker.postMessage(message, transfer);
  });
}

function portableMatrix(m: { data: Float32Array; rows: number; cols: number }): PortableMatrix {
  // A copy: the caller keeps its arrays, and the copy's buffer holds exactly these values.
  return { data: m.data.slice(), shape: [m.rows, m.cols] };
}

/** Functions and class instances other than plain data do not survive structured cloning: refuse them by path. */
function checkCloneable(value: unknown, path: string): void {
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new ArgumentError(`fitInWorker: ${path} cannot be sent to a worker; expected names, numbers or plain objects such as SGD(0.1), got a ${typeof value}`);
  }
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [key, inner] of Object.entries(value)) checkCloneable(inner, `${path}.${key}`);
  }
}
