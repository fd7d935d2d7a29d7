import { ACTIVATION_DESCRIPTORS } from '../descriptors/activation-descriptors';
import { KernelError } from '../errors';
import type { FloatArray } from '../matrix';
import type { ActivationName, Kernels } from './kernels';
import { WasmHeap } from './wasm-heap';
import { loadWasmKernelModule, type SimdVariant, type WasmKernelModule } from './wasm-module';
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
}

/**
 * Build the `wasm` kernel set on an instantiated module. Every method stages its arguments (pointers
 * for `alloc` views, copies for other Float32Arrays, see WasmStaging), calls the module, and copies
 * written plain arrays back.
 */
export function createWasmKernels(module: WasmKernelModule): WasmKernels {
  const wasm = module.exports;
  const heap = new WasmHeap(module.memory, wasm.heapBase());
  const staging = new WasmStaging(heap);
  const workspace = heap.allocBytes(wasm.gemmWorkspaceBytes());

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
      wasm.gemm(pa, pb, pc, m, k, n, transA ? 1 : 0, transB ? 1 : 0, accumulate ? 1 : 0, workspace);
    });
  }

  return {
    name: 'wasm',
    detail: module.relaxedSimd ? 'relaxed SIMD (FMA)' : 'SIMD',
    relaxedSimd: module.relaxedSimd,
    get heapUsedBytes() {
      return heap.usedBytes;
    },
    // The heap never grows: what is left after the module's data and the GEMM workspace is all models get.
    memoryLimitBytes: heap.buffer.byteLength - heap.usedBytes,

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
        wasm.biasActivation(pz, pBias, pOut, rows, cols, code, activation.alpha);
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
        wasm.activationBackward(pz, py, pdy, pdz, rows, cols, code, activation.alpha);
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
        wasm.sgdUpdate(pw, ptr(g, n, 'g'), n, lr);
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
  };
}

const loaded = new Map<SimdVariant, WasmKernels | null>();

/**
 * The `wasm` kernel set, or null when this runtime has no WebAssembly SIMD or the .wasm files are
 * missing (run `pnpm --filter @backprop/core build`). Loaded once per process and variant; `auto`
 * takes the relaxed-SIMD build when the runtime supports it (Node ≥ 22, or Node 20 with
 * --experimental-wasm-relaxed-simd).
 */
export function loadWasmKernels(variant: SimdVariant = 'auto'): WasmKernels | null {
  if (!loaded.has(variant)) {
    let kernels: WasmKernels | null = null;
    try {
      const module = loadWasmKernelModule(variant);
      kernels = module ? createWasmKernels(module) : null;
    } catch {
      kernels = null;
    }
    loaded.set(variant, kernels);
  }
  return loaded.get(variant) ?? null;
}
