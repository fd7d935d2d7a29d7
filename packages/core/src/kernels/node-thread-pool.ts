// Node-only: the worker_threads pool of the wasm kernels. Importing this module registers it (core's
// Node entry does); browser code never imports it and runs on one thread until a Web Worker pool is
// registered the same way.
import { Worker } from 'node:worker_threads';
import { ArgumentError, KernelError } from '../errors';
import { CONTROL, type KernelThreadPool, MAX_TASK_ARGS, registerThreadPoolFactory, WORKER_OPS, type WorkerOp } from './thread-pool';
import type { WasmHeap } from './wasm-heap';
import type { WasmKernelModule } from './wasm-module';

/**
 * Atomics.load polls before sleeping in Atomics.wait, on both sides. A training step calls ~20 kernels
 * back to back with a few µs of JavaScript between them; waking a sleeping thread costs tens of µs
 * (a futex round trip), so a short spin keeps the hand-over cheap while an idle pool still sleeps.
 */
const SPINS = 1 << 14;
/** A worker that has not answered in this long is taken as dead. */
const TIMEOUT_MS = 30_000;

/**
 * The worker's program (plain JavaScript, run with `eval` so that it loads the same way from dist/,
 * from jest's transformed sources and from tsx): instantiate the module on the shared memory, mark
 * the control block ready, then loop — wait for SEQ to move, run the op, publish DONE.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, ops, spins, layout } = workerData;
const i32 = new Int32Array(memory.buffer, control, layout.BYTES / 4);
const f64 = new Float64Array(memory.buffer, control + layout.OP_BYTES, 1 + ${MAX_TASK_ARGS});
const resultIndex = (layout.RESULT_BYTES - layout.OP_BYTES) / 8;
const out = new Float64Array(memory.buffer, control + layout.OP_BYTES, resultIndex + 1);
let fns;
try {
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  fns = ops.map((name) => exports[name]);
  Atomics.store(i32, layout.STATUS, 1);
} catch (error) {
  Atomics.store(i32, layout.STATUS, 2);
}
Atomics.notify(i32, layout.STATUS);
let seen = 0;
while (fns !== undefined) {
  let spin = 0;
  while (Atomics.load(i32, layout.SEQ) === seen) {
    if (++spin > spins) {
      Atomics.wait(i32, layout.SEQ, seen);
      spin = 0;
    }
  }
  seen = Atomics.load(i32, layout.SEQ);
  if (Atomics.load(i32, layout.STOP) !== 0) break;
  try {
    const r = fns[f64[0]](f64[1], f64[2], f64[3], f64[4], f64[5], f64[6], f64[7], f64[8], f64[9], f64[10], f64[11], f64[12], f64[13], f64[14], f64[15], f64[16]);
    out[resultIndex] = typeof r === 'number' ? r : 0;
  } catch (error) {
    Atomics.store(i32, layout.STATUS, 2);
  }
  Atomics.store(i32, layout.DONE, seen);
  Atomics.notify(i32, layout.DONE);
}
`;

class NodeThreadPool implements KernelThreadPool {
  private readonly controls: Int32Array[] = [];
  private readonly tasks: Float64Array[] = [];
  private readonly threads: Worker[] = [];
  private readonly started: boolean[] = [];
  private readonly base: number;

  constructor(
    module: WasmKernelModule,
    private readonly heap: WasmHeap,
    readonly workers: number,
  ) {
    const buffer = module.memory.buffer;
    // Control blocks on their own cache lines: 64-byte aligned, one per worker.
    this.base = heap.allocBytes(CONTROL.BYTES * workers + 64);
    const first = Math.ceil(this.base / 64) * 64;
    new Uint8Array(buffer, this.base, CONTROL.BYTES * workers + 64).fill(0);
    for (let w = 0; w < workers; w++) {
      const control = first + w * CONTROL.BYTES;
      this.controls.push(new Int32Array(buffer, control, CONTROL.BYTES / 4));
      this.tasks.push(new Float64Array(buffer, control + CONTROL.OP_BYTES, (CONTROL.RESULT_BYTES - CONTROL.OP_BYTES) / 8 + 1));
      this.started.push(false);
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { module: module.compiled, memory: module.memory, control, ops: [...WORKER_OPS], spins: SPINS, layout: CONTROL },
      });
      // An idle pool must not keep the process alive.
      worker.unref();
      this.threads.push(worker);
    }
    // Block until every worker has instantiated the module (or failed to), so a broken pool fails here.
    for (let w = 0; w < workers; w++) {
      const control = this.controls[w];
      const deadline = Date.now() + TIMEOUT_MS;
      while (Atomics.load(control, CONTROL.STATUS) === 0 && Date.now() < deadline) Atomics.wait(control, CONTROL.STATUS, 0, 100);
      if (Atomics.load(control, CONTROL.STATUS) !== 1) {
        this.dispose();
        throw new KernelError(`wasm thread pool: worker ${w + 1} of ${workers} could not instantiate the kernels on the shared memory`);
      }
    }
  }

  start(w: number, op: WorkerOp, ...args: number[]): void {
    const task = this.tasks[w];
    task[0] = WORKER_OPS.indexOf(op);
    for (let i = 0; i < args.length; i++) task[1 + i] = args[i];
    const control = this.controls[w];
    Atomics.add(control, CONTROL.SEQ, 1);
    Atomics.notify(control, CONTROL.SEQ);
    this.started[w] = true;
  }

  finish(): void {
    for (let w = 0; w < this.workers; w++) {
      if (!this.started[w]) continue;
      this.started[w] = false;
      const control = this.controls[w];
      const seq = Atomics.load(control, CONTROL.SEQ);
      let spin = 0;
      let deadline = 0;
      for (let done = Atomics.load(control, CONTROL.DONE); done !== seq; done = Atomics.load(control, CONTROL.DONE)) {
        if (++spin < SPINS) continue;
        if (deadline === 0) deadline = Date.now() + TIMEOUT_MS;
        else if (Date.now() > deadline) throw new KernelError(`wasm thread pool: worker ${w + 1} did not finish its task within ${TIMEOUT_MS} ms`);
        Atomics.wait(control, CONTROL.DONE, done, 100);
      }
      if (Atomics.load(control, CONTROL.STATUS) !== 1) throw new KernelError(`wasm thread pool: worker ${w + 1} trapped in its task`);
    }
  }

  result(w: number): number {
    return this.tasks[w][(CONTROL.RESULT_BYTES - CONTROL.OP_BYTES) / 8];
  }

  dispose(): void {
    for (let w = 0; w < this.threads.length; w++) {
      Atomics.store(this.controls[w], CONTROL.STOP, 1);
      Atomics.add(this.controls[w], CONTROL.SEQ, 1);
      Atomics.notify(this.controls[w], CONTROL.SEQ);
      void this.threads[w].terminate();
    }
    this.threads.length = 0;
    this.heap.freeBytes(this.base);
  }
}

/**
 * Threads of the default wasm kernel set in Node: BACKPROP_THREADS when set (an integer ≥ 1),
 * else DEFAULT_NODE_THREADS.
 */
export const DEFAULT_NODE_THREADS = 1;

export function threadsFromEnvironment(): number {
  const raw = process.env.BACKPROP_THREADS;
  if (raw === undefined || raw === '') return DEFAULT_NODE_THREADS;
  const threads = Number(raw);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw new ArgumentError(`BACKPROP_THREADS must be an integer from 1 to 256, got "${raw}"`);
  }
  return threads;
}

registerThreadPoolFactory((module, heap, workers) => new NodeThreadPool(module, heap, workers), threadsFromEnvironment);
