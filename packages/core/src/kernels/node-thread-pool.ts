// Node-only: the worker_threads pool of the wasm kernels. Importing this module registers it (core's
// Node entry does); browser code never imports it and runs on one thread until a Web Worker pool is
// registered the same way.
import { Worker } from 'node:worker_threads';
import { ArgumentError, KernelError } from '../errors';
import { CONTROL, type KernelThreadPool, MAX_CHUNKS, MAX_TASK_ARGS, registerThreadPoolFactory, WORKER_OPS, WORKSPACE_ARG, type WorkerOp } from './thread-pool';
import { SHARED_RELAXED_SIMD_WASM_BASE64, SHARED_SIMD_WASM_BASE64 } from './generated/wasm-shared-binaries';
import { provideSharedWasmBinaries } from './wasm-binaries';
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
 * from jest's transformed sources and from tsx): instantiate the module on the shared memory, count
 * itself READY, then loop — sleep until SEQ moves, claim and run chunks until none is left.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, control, ops, workspaceArgs, workspace, spins, layout } = workerData;
const i32 = new Int32Array(memory.buffer, control, 16);
const op = new Float64Array(memory.buffer, control + layout.OP_BYTES, 1);
const args = new Float64Array(memory.buffer, control + layout.ARGS_BYTES, layout.MAX_CHUNKS * layout.MAX_TASK_ARGS);
let fns;
try {
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
  fns = ops.map((name) => exports[name]);
  Atomics.add(i32, layout.READY, 1);
} catch (error) {
  Atomics.add(i32, layout.FAILED, 1);
}
Atomics.notify(i32, layout.READY);
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
  const tag = (seen & 0x7fffff) << 8;
  for (;;) {
    const claim = Atomics.load(i32, layout.CLAIM);
    if ((claim & ~255) !== tag) break;
    if ((claim & 255) >= Atomics.load(i32, layout.CHUNKS)) break;
    if (Atomics.compareExchange(i32, layout.CLAIM, claim, claim + 1) !== claim) continue;
    const code = op[0];
    const a = (claim & 255) * layout.MAX_TASK_ARGS;
    if (workspaceArgs[code] >= 0) args[a + workspaceArgs[code]] = workspace;
    try {
      fns[code](args[a], args[a + 1], args[a + 2], args[a + 3], args[a + 4], args[a + 5], args[a + 6], args[a + 7], args[a + 8], args[a + 9], args[a + 10], args[a + 11], args[a + 12], args[a + 13], args[a + 14], args[a + 15], args[a + 16]);
    } catch (error) {
      Atomics.add(i32, layout.FAILED, 1);
    }
    Atomics.add(i32, layout.FINISHED, 1);
    Atomics.notify(i32, layout.FINISHED);
  }
}
`;

class NodeThreadPool implements KernelThreadPool {
  private readonly control: Int32Array;
  private readonly op: Float64Array;
  private readonly args: Float64Array;
  private readonly threads: Worker[] = [];
  private readonly base: number;
  private readonly fns: ((...args: number[]) => unknown)[];
  private seq = 0;

  constructor(
    module: WasmKernelModule,
    private readonly heap: WasmHeap,
    readonly workers: number,
    private readonly workspaces: readonly number[],
  ) {
    const buffer = module.memory.buffer;
    const exports = module.exports as unknown as Record<string, (...args: number[]) => unknown>;
    this.fns = WORKER_OPS.map((name) => exports[name]);
    // The control block on its own cache lines.
    this.base = heap.allocBytes(CONTROL.BYTES + 64);
    const control = Math.ceil(this.base / 64) * 64;
    new Uint8Array(buffer, this.base, CONTROL.BYTES + 64).fill(0);
    this.control = new Int32Array(buffer, control, 16);
    this.op = new Float64Array(buffer, control + CONTROL.OP_BYTES, 1);
    this.args = new Float64Array(buffer, control + CONTROL.ARGS_BYTES, MAX_CHUNKS * MAX_TASK_ARGS);
    const layout = { ...CONTROL, MAX_CHUNKS, MAX_TASK_ARGS };
    const workspaceArgs = WORKER_OPS.map((name) => WORKSPACE_ARG[name]);
    for (let w = 0; w < workers; w++) {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { module: module.compiled, memory: module.memory, control, ops: [...WORKER_OPS], workspaceArgs, workspace: workspaces[w + 1], spins: SPINS, layout },
      });
      // An idle pool must not keep the process alive.
      worker.unref();
      this.threads.push(worker);
    }
    // Block until every worker has instantiated the module (or failed to), so a broken pool fails here.
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const ready = Atomics.load(this.control, CONTROL.READY);
      if (Atomics.load(this.control, CONTROL.FAILED) > 0 || ready === workers || Date.now() > deadline) break;
      Atomics.wait(this.control, CONTROL.READY, ready, 100);
    }
    if (Atomics.load(this.control, CONTROL.READY) !== workers) {
      this.dispose();
      throw new KernelError(`wasm thread pool: ${workers} worker(s) could not instantiate the kernels on the shared memory`);
    }
  }

  run(op: WorkerOp, chunks: readonly (readonly number[])[]): void {
    const n = chunks.length;
    if (n > MAX_CHUNKS) throw new KernelError(`wasm thread pool: at most ${MAX_CHUNKS} chunks per task, got ${n}`);
    const code = WORKER_OPS.indexOf(op);
    const c = this.control;
    this.op[0] = code;
    for (let t = 0; t < n; t++) this.args.set(chunks[t], t * MAX_TASK_ARGS);
    Atomics.store(c, CONTROL.CHUNKS, n);
    Atomics.store(c, CONTROL.FINISHED, 0);
    this.seq = (this.seq + 1) & 0x7fffffff;
    const tag = (this.seq & 0x7fffff) << 8;
    Atomics.store(c, CONTROL.CLAIM, tag);
    Atomics.store(c, CONTROL.SEQ, this.seq);
    Atomics.notify(c, CONTROL.SEQ);
    // The calling thread claims chunks like any worker.
    const fn = this.fns[code];
    const workspaceArg = WORKSPACE_ARG[op];
    for (;;) {
      const claim = Atomics.load(c, CONTROL.CLAIM);
      if ((claim & 255) >= n) break;
      if (Atomics.compareExchange(c, CONTROL.CLAIM, claim, claim + 1) !== claim) continue;
      const t = claim & 255;
      const a = chunks[t];
      if (workspaceArg >= 0) fn(...a.slice(0, workspaceArg), this.workspaces[0], ...a.slice(workspaceArg + 1));
      else fn(...a);
      Atomics.add(c, CONTROL.FINISHED, 1);
    }
    // Wait for the chunks that workers claimed.
    let spin = 0;
    let deadline = 0;
    for (let done = Atomics.load(c, CONTROL.FINISHED); done < n; done = Atomics.load(c, CONTROL.FINISHED)) {
      if (++spin < SPINS) continue;
      if (deadline === 0) deadline = Date.now() + TIMEOUT_MS;
      else if (Date.now() > deadline) throw new KernelError(`wasm thread pool: a worker did not finish its chunk within ${TIMEOUT_MS} ms`);
      Atomics.wait(c, CONTROL.FINISHED, done, 100);
    }
    if (Atomics.load(c, CONTROL.FAILED) > 0) throw new KernelError('wasm thread pool: a worker trapped in a kernel chunk');
  }

  dispose(): void {
    Atomics.store(this.control, CONTROL.STOP, 1);
    Atomics.add(this.control, CONTROL.SEQ, 1);
    Atomics.notify(this.control, CONTROL.SEQ);
    for (const worker of this.threads) void worker.terminate();
    this.threads.length = 0;
    this.heap.freeBytes(this.base);
  }
}

/**
 * Threads of the default wasm kernel set in Node: BACKPROP_THREADS when set (an integer ≥ 1),
 * else DEFAULT_NODE_THREADS. One by default: on the 2-core machine this was measured on, shared with
 * other work, two threads were sometimes 2× faster and sometimes slower than one (`pnpm bench`
 * reports both), so the second thread is opt-in.
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

// The shared-memory builds exist only where the pool does (embedded by scripts/build-wasm.mjs).
provideSharedWasmBinaries({ simd: SHARED_SIMD_WASM_BASE64, relaxed: SHARED_RELAXED_SIMD_WASM_BASE64 });
registerThreadPoolFactory((module, heap, workers, workspaces) => new NodeThreadPool(module, heap, workers, workspaces), threadsFromEnvironment);
