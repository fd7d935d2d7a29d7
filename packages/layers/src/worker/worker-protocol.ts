import type { Logs } from '../metrics/running-means';
import type { CompileOptions } from '../model/compile-options';
import type { FitOptions } from '../model/fit-options';

/**
 * One end of a message channel: a Web Worker (`new Worker(url)`), a worker's own global scope (`self`),
 * a `MessagePort`, Node's `worker_threads` `parentPort` (an EventTarget), or Node's `Worker` (an
 * EventEmitter: `on` / `off`, whose listeners get the message itself rather than an event).
 */
export type WorkerPort = EventTargetPort | EmitterPort;

export interface EventTargetPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface EmitterPort {
  postMessage(message: unknown, transfer?: readonly Transferable[]): void;
  on(type: 'message' | 'error', listener: (value: unknown) => void): unknown;
  off(type: 'message' | 'error', listener: (value: unknown) => void): unknown;
}

/** A matrix as it crosses threads: row-major values and their shape (core's `MatrixLike` object form). */
export interface PortableMatrix {
  readonly data: Float32Array;
  readonly shape: readonly [number, number];
}

/** A weight tensor as it crosses threads (the shape `getWeights` gives it: [inputs, units] or [units]). */
export interface PortableWeight {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** `fit` options that can cross a thread boundary: no callbacks (see `onProgress`), no BatchSource. */
export type PortableFitOptions = Omit<FitOptions, 'callbacks' | 'validationData'> & { validationData?: readonly [PortableMatrix, PortableMatrix] };

/** Main thread → worker: train this model (the tfjs layers format, as `model.save` writes it) on this data. */
export interface FitRequest {
  readonly type: 'backprop:fit';
  readonly id: number;
  readonly modelJson: unknown;
  readonly weightsPath: string;
  readonly weightData: Uint8Array;
  /** The model's seed: initial weights are sent, but shuffling and dropout masks are drawn from it. */
  readonly seed: number;
  readonly compile: CompileOptions;
  readonly x: PortableMatrix;
  readonly y: PortableMatrix;
  readonly fit: PortableFitOptions;
  /** Post batch events too (default true); epoch events are always posted. */
  readonly batchEvents: boolean;
  /** Attach the weights after each epoch to its `epochEnd` event. */
  readonly epochWeights: boolean;
}

/** Main thread → worker: end training after the current batch (sets `model.stopTraining`, as Keras's callbacks do). */
export interface StopRequest {
  readonly type: 'backprop:stop';
  readonly id: number;
}

/** A callback hook as the worker's callbacks saw it: `epoch` / `batch` are 0-based, as in Keras. */
export type FitProgressEvent =
  | { readonly type: 'trainBegin'; readonly logs: Logs }
  | { readonly type: 'epochBegin'; readonly epoch: number; readonly logs: Logs }
  | { readonly type: 'batchBegin'; readonly epoch: number; readonly batch: number; readonly logs: Logs }
  | { readonly type: 'batchEnd'; readonly epoch: number; readonly batch: number; readonly logs: Logs }
  | {
      readonly type: 'epochEnd';
      readonly epoch: number;
      readonly logs: Logs;
      /** The weights at the end of the epoch, in `getWeights` order (with `epochWeights: true`). */
      readonly weights?: PortableWeight[];
    }
  | { readonly type: 'trainEnd'; readonly logs: Logs };

export type WorkerReply =
  | { readonly type: 'backprop:progress'; readonly id: number; readonly event: FitProgressEvent }
  | {
      readonly type: 'backprop:done';
      readonly id: number;
      readonly weights: PortableWeight[];
      readonly history: { readonly epoch: number[]; readonly history: Record<string, number[]> };
      readonly stopped: boolean;
      /** The backend that trained in the worker (`scratch`, `tfjs`, …). */
      readonly backend: string;
      /** `describeKernels()` in the worker: which of core's kernel sets ran there. */
      readonly kernels: string;
    }
  | { readonly type: 'backprop:error'; readonly id: number; readonly name: string; readonly message: string };

/** Listen for messages on either kind of port; returns the function that stops listening. */
export function onMessage(port: WorkerPort, listener: (data: unknown) => void): () => void {
  if (isEmitter(port)) {
    port.on('message', listener);
    return () => port.off('message', listener);
  }
  const wrapped = (event: { data: unknown }) => listener(event.data);
  port.addEventListener('message', wrapped);
  // A MessagePort delivers to addEventListener listeners only once started (HTML's port message queue).
  (port as { start?: () => void }).start?.();
  return () => port.removeEventListener('message', wrapped);
}

/** Listen for a worker that fails to start or throws outside a request (a Web Worker's `error` event, Node's `error`). */
export function onWorkerError(port: WorkerPort, listener: (message: string) => void): () => void {
  const describe = (value: unknown) => (value instanceof Error ? value.message : typeof (value as { message?: unknown })?.message === 'string' ? (value as { message: string }).message : String(value));
  if (isEmitter(port)) {
    const wrapped = (value: unknown) => listener(describe(value));
    port.on('error', wrapped);
    return () => port.off('error', wrapped);
  }
  const target = port as unknown as { addEventListener(type: 'error', l: (e: unknown) => void): void; removeEventListener(type: 'error', l: (e: unknown) => void): void };
  const wrapped = (event: unknown) => listener(describe(event));
  target.addEventListener('error', wrapped);
  return () => target.removeEventListener('error', wrapped);
}

/** True for the message types of this protocol (a worker may carry other traffic too). */
export function isProtocolMessage(data: unknown): data is FitRequest | StopRequest | WorkerReply {
  return data !== null && typeof data === 'object' && typeof (data as { type?: unknown }).type === 'string' && (data as { type: string }).type.startsWith('backprop:');
}

function isEmitter(port: WorkerPort): port is EmitterPort {
  return typeof (port as EmitterPort).on === 'function' && typeof (port as EventTargetPort).addEventListener !== 'function';
}
