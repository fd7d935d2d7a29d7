import type { WasmHeap } from './wasm-heap';
import type { WasmKernelModule } from './wasm-module';

/**
 * The wasm exports a pool thread can run, by op number. A task calls `exports[WORKER_OPS[op]]` with
 * up to MAX_TASK_ARGS numbers (pointers are byte offsets into the shared memory).
 */
export const WORKER_OPS = ['gemmBlock', 'biasActivation', 'activationBackward', 'sgdUpdate', 'softmaxCrossEntropy'] as const;
export type WorkerOp = (typeof WORKER_OPS)[number];
export const MAX_TASK_ARGS = 16;

/**
 * Layout of one worker's control block in the shared memory (byte offsets). The caller writes the op
 * and arguments, bumps SEQ and notifies; the worker runs the task, writes its result, sets DONE = SEQ
 * and notifies back — one Atomics.notify each way instead of a message per kernel.
 */
export const CONTROL = {
  /** Int32 index: task sequence number, written by the caller. */
  SEQ: 0,
  /** Int32 index: sequence number of the last finished task, written by the worker. */
  DONE: 1,
  /** Int32 index: 0 while starting, 1 ready, 2 failed (the worker could not instantiate or a task trapped). */
  STATUS: 2,
  /** Int32 index: non-zero asks the worker to exit. */
  STOP: 3,
  /** Byte offset of the float64 op number, followed by the MAX_TASK_ARGS float64 arguments. */
  OP_BYTES: 16,
  /** Byte offset of the float64 result of the last task. */
  RESULT_BYTES: 16 + 8 * (1 + MAX_TASK_ARGS),
  /** Bytes per worker (a multiple of 64, so no two workers share a cache line). */
  BYTES: 192,
} as const;

/**
 * Threads that run wasm kernel tasks on the memory of one kernel module. The calling thread is not
 * part of the pool: it starts tasks on some workers, computes its own share, then `finish`es.
 */
export interface KernelThreadPool {
  /** Number of worker threads (the kernel set's thread count minus the calling thread). */
  readonly workers: number;
  /** Start `op` on worker `w` with `args` (at most MAX_TASK_ARGS numbers); returns at once. */
  start(w: number, op: WorkerOp, ...args: number[]): void;
  /** Block until every started task has finished; throws a KernelError if a worker failed. */
  finish(): void;
  /** The return value of worker `w`'s last task (softmaxCrossEntropy's loss). */
  result(w: number): number;
  /** Stop the workers. */
  dispose(): void;
}

/**
 * Makes a pool of `workers` threads for a module loaded on a shared memory, or throws a KernelError.
 * Registered by a platform module (node-thread-pool.ts for worker_threads), so this file — on the
 * browser path — imports nothing platform-specific.
 */
export type ThreadPoolFactory = (module: WasmKernelModule, heap: WasmHeap, workers: number) => KernelThreadPool;

let factory: ThreadPoolFactory | null = null;
let threadCount: () => number = () => 1;

/**
 * Register the platform's pool, with the function that gives the default thread count of the `wasm`
 * kernel set there (Node: BACKPROP_THREADS, else its own default).
 */
export function registerThreadPoolFactory(create: ThreadPoolFactory, defaultThreads: () => number): void {
  factory = create;
  threadCount = defaultThreads;
}

/** The registered factory, or null where no platform registered one (then wasm runs on one thread). */
export function threadPoolFactory(): ThreadPoolFactory | null {
  return factory;
}

/** Threads the default `wasm` kernel set uses: 1 unless a platform registered a pool and says otherwise. */
export function defaultWasmThreads(): number {
  return factory && hasSharedWasmMemory() ? threadCount() : 1;
}

/**
 * Whether this runtime can share a WebAssembly.Memory between threads: SharedArrayBuffer exists and,
 * in a browser, the page is cross-origin isolated.
 */
export function hasSharedWasmMemory(): boolean {
  const g = globalThis as { SharedArrayBuffer?: unknown; crossOriginIsolated?: boolean };
  return typeof g.SharedArrayBuffer === 'function' && g.crossOriginIsolated !== false;
}
