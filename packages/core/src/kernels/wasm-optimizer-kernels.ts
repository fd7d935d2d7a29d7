import type { Kernels } from './kernels';
import type { WasmKernelExports } from './wasm-module';
import type { WasmStaging } from './wasm-staging';

type Call = <T>(body: (ptr: WasmStaging['pointer']) => T) => T;

/**
 * The wasm versions of the Adagrad, Adadelta, Adamax and Nadam updates (assembly/adaptive-optimizers.ts),
 * staged like every wasm kernel: written buffers are copied back when they are not `alloc` views.
 * Step-dependent scalars are computed here in float64, as the js kernels compute them.
 */
export function wasmAdaptiveOptimizerKernels(
  wasm: WasmKernelExports,
  call: Call,
): Pick<Kernels, 'adagradUpdate' | 'adadeltaUpdate' | 'adamaxUpdate' | 'nadamUpdate'> {
  return {
    adagradUpdate(w, g, acc, n, lr, epsilon) {
      call((ptr) => {
        const pw = ptr(w, n, 'w', true);
        const pg = ptr(g, n, 'g');
        wasm.adagradUpdate(pw, pg, ptr(acc, n, 'acc', true), n, lr, epsilon);
      });
    },
    adadeltaUpdate(w, g, accGrad, accDelta, n, lr, rho, epsilon) {
      call((ptr) => {
        const pw = ptr(w, n, 'w', true);
        const pg = ptr(g, n, 'g');
        const pa = ptr(accGrad, n, 'accGrad', true);
        const pd = ptr(accDelta, n, 'accDelta', true);
        wasm.adadeltaUpdate(pw, pg, pa, pd, n, lr, rho, 1 - rho, epsilon);
      });
    },
    adamaxUpdate(w, g, m, u, n, lr, beta1, beta2, epsilon, t) {
      const c1 = 1 - beta1 ** t;
      call((ptr) => {
        const pw = ptr(w, n, 'w', true);
        const pg = ptr(g, n, 'g');
        const pm = ptr(m, n, 'm', true);
        const pu = ptr(u, n, 'u', true);
        wasm.adamaxUpdate(pw, pg, pm, pu, n, lr, 1 - beta1, beta2, epsilon, c1);
      });
    },
    nadamUpdate(w, g, m, v, n, lr, beta1, beta2, epsilon, momentumScale, gradientScale, t) {
      const c2 = 1 - beta2 ** t;
      call((ptr) => {
        const pw = ptr(w, n, 'w', true);
        const pg = ptr(g, n, 'g');
        const pm = ptr(m, n, 'm', true);
        const pv = ptr(v, n, 'v', true);
        wasm.nadamUpdate(pw, pg, pm, pv, n, lr, 1 - beta1, 1 - beta2, epsilon, momentumScale, gradientScale, c2);
      });
    },
  };
}
