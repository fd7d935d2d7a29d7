import { batchNormKernels } from './batch-norm-kernels';
import { ACTIVATION_DESCRIPTORS } from '../descriptors/activation-descriptors';
import { ArgumentError, KernelError } from '../errors';
import type { FloatArray } from '../matrix';
import type { ActivationName, Kernels } from './kernels';
import { defaultWasmThreads, hasSharedWasmMemory, threadPoolFactory } from './thread-pool';
import { WasmHeap } from './wasm-heap';
import { loadWasmKernelModule, type SimdVariant, type WasmKernelModule } from './wasm-module';
import { wasmConvolutionKernels } from './wasm-conv-kernels';
import { wasmAdaptiveOptimizerKernels } from './wasm-optimizer-kernels';
import { WasmParallel } from './wasm-parallel';
import { WasmStaging } from './wasm-staging';

/**
 * Activation codes of assembly/activations.ts, from the activation descriptors (wasm-activation-codes.test.ts
 * checks every registered activation has one).
 */
export const ACTIVATION_CODES: Record<ActivationName, number> = Object.fromEntries(
  Object.entries(ACTIVATION_DESCRIPTORS).map(([name, d]) => [name, d.wasmCode]),
) as Record<ActivationName, number>;

function activationCode(name: ActivationName): number {
  const code = ACTIVATION_DESCRIPTORS[name]?.wasmCode;
  if (code === undefined) throw new KernelError(`wasm kernels: unknown activation "${name}"`);
  return code;
}

/** The `wasm` kernel set, plus which build runs and how much of its heap is in use. */
export interface WasmKernels extends Kernels {
  /** True when the relaxed-SIMD (fused multiply-add) build runs. */
  readonly relaxedSimd: boolean;
  /** Bytes of the wasm heap handed out so far. */
  readonly heapUsedBytes: number;
  /** Threads the kernels split their work over (the calling thread plus threads − 1 pool workers). */
  readonly threads: number;
}

/** Options of a wasm kernel set. */
export interface WasmKernelOptions {
  /**
   * Threads to split the GEMMs and large elementwise kernels over (default 1). More than one needs a
   * module loaded on a shared memory and a registered thread pool (worker_threads in Node).
   */
  readonly threads?: number;
}

/** Whether this runtime can run the wasm kernels on more than one thread. */
export function canUseWasmThreads(): boolean {
  return hasSharedWasmMemory() && threadPoolFactory() !== null;
}

function threadsUnavailable(threads: number): KernelError {
  return new KernelError(
    `wasm kernels: ${threads} threads need a shared WebAssembly.Memory and a registered thread pool; this runtime has ` +
      'neither (a browser page must be cross-origin isolated; Node registers worker_threads when @backprop/core loads) — use threads: 1',
  );
}

function checkThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
    throw new ArgumentError(`wasm kernels: threads must be an integer from 1 to 256, got ${JSON.stringify(threads)}`);
  }
}

/**
 * Build the `wasm` kernel set on an instantiated module. Every method stages its arguments (pointers
 * for `alloc` views, copies for other Float32Arrays, see WasmStaging), calls the module, and copies
 * written plain arrays back.
 */
export function createWasmKernels(module: WasmKernelModule, options: WasmKernelOptions = {}): WasmKernels {
  const threads = options.threads ?? 1;
  checkThreads(threads);
  const wasm = module.exports;
  const heap = new WasmHeap(module.memory, wasm.heapBase());
  const staging = new WasmStaging(heap);
  const workspace = heap.allocBytes(wasm.gemmWorkspaceBytes());
  let parallel: WasmParallel | null = null;
  if (threads > 1) {
    const createPool = threadPoolFactory();
    if (!module.shared || !createPool || !hasSharedWasmMemory()) throw threadsUnavailable(threads);
    const workspaces = [workspace];
    for (let t = 1; t < threads; t++) workspaces.push(heap.allocBytes(wasm.gemmWorkspaceBytes()));
    parallel = new WasmParallel(wasm, createPool(module, heap, threads - 1, workspaces));
  }

  /** Run one kernel call with staged arguments, always releasing the scratch space. */
  const pointer: WasmStaging['pointer'] = staging.pointer.bind(staging);
  function call<T>(body: (ptr: WasmStaging['pointer']) => T): T {
    try {
      return body(pointer);
    } finally {
      staging.finish();
    }
  }

  function gemm(a: FloatArray, b: FloatArray, c: FloatArray, m: number, k: number, n: number, accumulate: boolean, transA: boolean, transB: boolean) {
    call((ptr) => {
      const pa = ptr(a, m * k, 'a');
      const pb = ptr(b, k * n, 'b');
      const pc = ptr(c, m * n, 'c', true, accumulate);
      if (parallel) parallel.gemm(pa, pb, pc, m, k, n, transA ? 1 : 0, transB ? 1 : 0, accumulate ? 1 : 0, workspace);
      else wasm.gemm(pa, pb, pc, m, k, n, transA ? 1 : 0, transB ? 1 : 0, accumulate ? 1 : 0, workspace);
    });
  }

  return {
    name: 'wasm',
    // Batch normalization runs as the reference code on the wasm heap's own buffers (not a hot spot).
    ...batchNormKernels,
    detail: `${module.relaxedSimd ? 'relaxed SIMD (FMA)' : 'SIMD'}${threads > 1 ? `, ${threads} threads` : ''}`,
    relaxedSimd: module.relaxedSimd,
    threads,
    get heapUsedBytes() {
      return heap.usedBytes;
    },
    // The heap never grows: what is left after the module's data and the GEMM workspace is all models get.
    memoryLimitBytes: heap.buffer.byteLength - heap.usedBytes,

    ...wasmConvolutionKernels(parallel ?? wasm, call),
    alloc: (length) => heap.alloc(length),
    free: (buffer) => heap.free(buffer),

    matmul: (a, b, c, m, k, n, accumulate = false) => gemm(a, b, c, m, k, n, accumulate, false, false),
    matmulTransB: (a, b, c, m, k, n, accumulate = false) => gemm(a, b, c, m, k, n, accumulate, false, true),
    matmulTransA: (a, b, c, m, k, n, accumulate = false) => gemm(a, b, c, m, k, n, accumulate, true, false),

    biasActivation(z, bias, out, rows, cols, activation) {
      const code = activationCode(activation.name);
      call((ptr) => {
        const pz = ptr(z, rows * cols, 'z', bias !== null);
        const pBias = bias === null ? 0 : ptr(bias, cols, 'bias');
        const pOut = ptr(out, rows * cols, 'out', true, false);
        (parallel ?? wasm).biasActivation(pz, pBias, pOut, rows, cols, code, activation.alpha);
      });
    },

    activationBackward(z, y, dy, dz, rows, cols, activation) {
      const code = activationCode(activation.name);
      call((ptr) => {
        const n = rows * cols;
        const pz = ptr(z, n, 'z');
        const py = ptr(y, n, 'y');
        const pdy = ptr(dy, n, 'dy');
        const pdz = ptr(dz, n, 'dz', true, false);
        (parallel ?? wasm).activationBackward(pz, py, pdy, pdz, rows, cols, code, activation.alpha);
      });
    },

    columnSums(a, out, rows, cols, accumulate = false) {
      call((ptr) => {
        const pa = ptr(a, rows * cols, 'a');
        const pOut = ptr(out, cols, 'out', true, accumulate);
        wasm.columnSums(pa, pOut, rows, cols, accumulate ? 1 : 0);
      });
    },

    softmaxCrossEntropy(z, targets, probs, grad, rows, cols, gradScale) {
      return call((ptr) => {
        const n = rows * cols;
        const pz = ptr(z, n, 'z');
        const pt = ptr(targets, n, 'targets');
        const pp = ptr(probs, n, 'probs', true, false);
        const pg = ptr(grad, n, 'grad', true, false);
        return wasm.softmaxCrossEntropy(pz, pt, pp, pg, rows, cols, gradScale);
      });
    },

    sgdUpdate(w, g, n, lr) {
      call((ptr) => {
        const pw = ptr(w, n, 'w', true);
        (parallel ?? wasm).sgdUpdate(pw, ptr(g, n, 'g'), n, lr);
      });
    },

    momentumUpdate(w, g, v, n, lr, momentum, nesterov) {
      call((ptr) => {
        const pw = ptr(w, n, 'w', true);
        const pg = ptr(g, n, 'g');
        const pv = ptr(v, n, 'v', true);
        wasm.momentumUpdate(pw, pg, pv, n, lr, momentum, nesterov ? 1 : 0);
      });
    },

    adamUpdate(w, g, m, v, n, lr, beta1, beta2, epsilon, t) {
      // Bias corrections in float64, as the js kernels compute them.
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      call((ptr) => {
        const pw = ptr(w, n, 'w', true);
        const pg = ptr(g, n, 'g');
        const pm = ptr(m, n, 'm', true);
        const pv = ptr(v, n, 'v', true);
        wasm.adamUpdate(pw, pg, pm, pv, n, lr, beta1, 1 - beta1, beta2, 1 - beta2, epsilon, c1, c2);
      });
    },

    rmspropUpdate(w, g, s, mom, n, lr, rho, momentum, epsilon) {
      call((ptr) => {
        const pw = ptr(w, n, 'w', true);
        const pg = ptr(g, n, 'g');
        const ps = ptr(s, n, 's', true);
        const pMom = ptr(mom, n, 'mom', true);
        wasm.rmspropUpdate(pw, pg, ps, pMom, n, lr, rho, 1 - rho, momentum, epsilon);
      });
    },

    ...wasmAdaptiveOptimizerKernels(wasm, call),
  };
}

const loaded = new Map<string, WasmKernels | null>();

/**
 * The `wasm` kernel set, or null when this runtime has no WebAssembly SIMD or the .wasm files are
 * missing (run `pnpm --filter @backprop/core build`). Loaded once per process, variant and thread
 * count (by default the platform's, see `defaultWasmThreads`: BACKPROP_THREADS in Node); `auto` takes the relaxed-SIMD build when the runtime supports it (Node ≥ 22, or Node 20 with
 * --experimental-wasm-relaxed-simd). With `threads` > 1 the shared-memory build is loaded and a
 * KernelError is thrown when this runtime cannot run threads (see `canUseWasmThreads`).
 */
export function loadWasmKernels(variant: SimdVariant = 'auto', options: WasmKernelOptions = {}): WasmKernels | null {
  const threads = options.threads ?? defaultWasmThreads();
  checkThreads(threads);
  const key = `${variant}:${threads}`;
  if (!loaded.has(key)) {
    let kernels: WasmKernels | null = null;
    if (threads > 1) {
      if (!canUseWasmThreads()) throw threadsUnavailable(threads);
      const module = loadWasmKernelModule(variant, true);
      kernels = module ? createWasmKernels(module, { threads }) : null;
    } else {
      try {
        const module = loadWasmKernelModule(variant);
        kernels = module ? createWasmKernels(module) : null;
      } catch {
        kernels = null;
      }
    }
    loaded.set(key, kernels);
  }
  return loaded.get(key) ?? null;
}
