import type { WasmHeap } from './wasm-heap';
import type { WasmKernelModule } from './wasm-module';

/**
 * The wasm exports a pool thread can run, by op number. A chunk calls `exports[WORKER_OPS[op]]` with
 * up to MAX_TASK_ARGS numbers (pointers are byte offsets into the shared memory).
 */
export const WORKER_OPS = [
  'gemmBlock',
  'biasActivation',
  'activationBackward',
  'sgdUpdate',
  'im2col',
  'col2im',
  'maxPool',
  'maxPoolBackward',
  'avgPool',
  'avgPoolBackward',
] as const;
export type WorkerOp = (typeof WORKER_OPS)[number];
/** Argument of each op that the executing thread replaces by its own scratch area (gemm's workspace), or -1. */
export const WORKSPACE_ARG: Readonly<Record<WorkerOp, number>> = {
  gemmBlock: 9,
  biasActivation: -1,
  activationBackward: -1,
  sgdUpdate: -1,
  im2col: -1,
  col2im: -1,
  maxPool: -1,
  maxPoolBackward: -1,
  avgPool: -1,
  avgPoolBackward: -1,
};
/** The longest argument list: col2im's (two pointers, the batch, 13 geometry values, accumulate). */
export const MAX_TASK_ARGS = 17;
export const MAX_CHUNKS = 16;

/**
 * Layout of the pool's control block in the shared memory. The caller writes the op and the argument
 * list of every chunk, resets CLAIM to (task sequence << 8) and bumps SEQ; every thread, the caller
 * included, then claims chunks with a compare-and-swap on CLAIM until none is left, and counts them
 * in FINISHED. A worker that wakes late finds CLAIM moved to a later task and claims nothing, so a
 * descheduled worker (this machine is shared) never holds the caller up: the caller does its share.
 */
export const CONTROL = {
  /** Int32 index: task sequence number; workers sleep on it. */
  SEQ: 0,
  /** Int32 index: (sequence & 0x7fffff) << 8 | next chunk to claim. */
  CLAIM: 1,
  /** Int32 index: chunks of the current task finished. */
  FINISHED: 2,
  /** Int32 index: chunks of the current task. */
  CHUNKS: 3,
  /** Int32 index: non-zero asks the workers to exit. */
  STOP: 4,
  /** Int32 index: workers that failed (could not instantiate, or trapped in a chunk). */
  FAILED: 5,
  /** Int32 index: workers that have instantiated the module. */
  READY: 6,
  /** Byte offset of the float64 op number. */
  OP_BYTES: 64,
  /** Byte offset of the chunks' float64 argument lists, MAX_TASK_ARGS each. */
  ARGS_BYTES: 128,
  BYTES: 128 + MAX_CHUNKS * MAX_TASK_ARGS * 8,
} as const;

/**
 * Threads that run wasm kernel chunks on the memory of one kernel module, together with the calling
 * thread.
 */
export interface KernelThreadPool {
  /** Number of worker threads (the kernel set's thread count minus the calling thread). */
  readonly workers: number;
  /**
   * Run `op` once per argument list (at most MAX_CHUNKS lists of at most MAX_TASK_ARGS numbers) on the
   * calling thread and the workers; returns when every chunk has finished. Throws a KernelError if a
   * worker failed.
   */
  run(op: WorkerOp, chunks: readonly (readonly number[])[]): void;
  /** Stop the workers. */
  dispose(): void;
}

/**
 * Makes a pool of `workers` threads for a module loaded on a shared memory, or throws a KernelError;
 * `workspaces[t]` is thread t's GEMM scratch area (0: the calling thread).
 * Registered by a platform module (node-thread-pool.ts for worker_threads), so this file — on the
 * browser path — imports nothing platform-specific.
 */
export type ThreadPoolFactory = (module: WasmKernelModule, heap: WasmHeap, workers: number, workspaces: readonly number[]) => KernelThreadPool;

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
