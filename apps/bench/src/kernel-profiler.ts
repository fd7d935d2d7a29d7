import type { Kernels, WindowGeometry } from '@backprop/core';

/** Time and work of one kernel call site (a method at one shape), summed over the profiled steps. */
export interface KernelSite {
  readonly label: string;
  calls: number;
  ms: number;
  /** Dense floating-point operations per call (a multiply-add counts 2); 0 where not meaningful. */
  readonly flops: number;
}

type Labeller = (method: string, dims: readonly number[]) => { label: string; flops: number };

/**
 * Wrap a kernel set so that every call is timed and attributed to a call site (method + shape, named
 * by `labeller`). The kernels are synchronous — the worker pool's threads finish before a call
 * returns — so wall time around the call is the kernel's cost, dispatch included.
 */
export function profileKernels(inner: Kernels, labeller: Labeller): { kernels: Kernels; sites: Map<string, KernelSite>; reset(): void } {
  const sites = new Map<string, KernelSite>();
  const timed = <A extends unknown[], R>(method: string, fn: (...args: A) => R, dimsOf: (args: A) => number[]) => {
    return (...args: A): R => {
      const start = performance.now();
      const result = fn(...args);
      const ms = performance.now() - start;
      const dims = dimsOf(args);
      const key = `${method}:${dims.join('x')}`;
      let site = sites.get(key);
      if (!site) {
        const { label, flops } = labeller(method, dims);
        site = { label, calls: 0, ms: 0, flops };
        sites.set(key, site);
      }
      site.calls++;
      site.ms += ms;
      return result;
    };
  };
  const k = inner;
  const kernels: Kernels = {
    name: k.name,
    detail: k.detail,
    memoryLimitBytes: k.memoryLimitBytes,
    alloc: (n) => k.alloc(n),
    free: (b) => k.free(b),
    matmul: timed('matmul', k.matmul.bind(k), (a) => [a[3], a[4], a[5]]),
    matmulTransB: timed('matmulTransB', k.matmulTransB.bind(k), (a) => [a[3], a[4], a[5]]),
    matmulTransA: timed('matmulTransA', k.matmulTransA.bind(k), (a) => [a[3], a[4], a[5]]),
    biasActivation: timed('biasActivation', k.biasActivation.bind(k), (a) => [a[3], a[4]]),
    activationBackward: timed('activationBackward', k.activationBackward.bind(k), (a) => [a[4], a[5]]),
    columnSums: timed('columnSums', k.columnSums.bind(k), (a) => [a[2], a[3]]),
    softmaxCrossEntropy: timed('softmaxCrossEntropy', k.softmaxCrossEntropy.bind(k), (a) => [a[4], a[5]]),
    sgdUpdate: timed('sgdUpdate', k.sgdUpdate.bind(k), (a) => [a[2]]),
    momentumUpdate: timed('momentumUpdate', k.momentumUpdate.bind(k), (a) => [a[3]]),
    adamUpdate: timed('adamUpdate', k.adamUpdate.bind(k), (a) => [a[4]]),
    rmspropUpdate: timed('rmspropUpdate', k.rmspropUpdate.bind(k), (a) => [a[4]]),
    adagradUpdate: timed('adagradUpdate', k.adagradUpdate.bind(k), (a) => [a[3]]),
    adadeltaUpdate: timed('adadeltaUpdate', k.adadeltaUpdate.bind(k), (a) => [a[4]]),
    adamaxUpdate: timed('adamaxUpdate', k.adamaxUpdate.bind(k), (a) => [a[4]]),
    nadamUpdate: timed('nadamUpdate', k.nadamUpdate.bind(k), (a) => [a[4]]),
    // The sliding-window kernels, by batch and [outH, outW, channels] of their geometry.
    im2col: timed('im2col', k.im2col.bind(k), windowDims(2)),
    col2im: timed('col2im', k.col2im.bind(k), windowDims(2)),
    maxPool: timed('maxPool', k.maxPool.bind(k), windowDims(3)),
    maxPoolBackward: timed('maxPoolBackward', k.maxPoolBackward.bind(k), windowDims(3)),
    avgPool: timed('avgPool', k.avgPool.bind(k), windowDims(2)),
    avgPoolBackward: timed('avgPoolBackward', k.avgPoolBackward.bind(k), windowDims(2)),
  };
  return { kernels, sites, reset: () => sites.clear() };
}

/** Dimensions of a sliding-window kernel call: batch (argument `batch`), then outH, outW and channels of the geometry after it. */
function windowDims(batch: number): (args: readonly unknown[]) => number[] {
  return (a) => {
    const g = a[batch + 1] as WindowGeometry;
    return [a[batch] as number, g.outH, g.outW, g.channels];
  };
}

/**
 * Names the call sites of a dense stack (`layers` = [784, 256, 128, 10]) by layer: the forward
 * product of layer l is X·W (m=rows, k=inputs, n=units), its weight gradient Xᵀ·dZ
 * (m=inputs, k=rows, n=units) and its input gradient dZ·Wᵀ (m=rows, k=units, n=inputs).
 */
export function denseStackLabeller(layers: readonly number[]): Labeller {
  const layerOf = (inputs: number, units: number) => {
    for (let l = 0; l + 1 < layers.length; l++) if (layers[l] === inputs && layers[l + 1] === units) return `dense_${l + 1}`;
    return `${inputs}→${units}`;
  };
  return (method, d) => {
    switch (method) {
      case 'matmul':
        return { label: `${layerOf(d[1], d[2])} X·W [${d.join('×')}]`, flops: 2 * d[0] * d[1] * d[2] };
      case 'matmulTransA':
        return { label: `${layerOf(d[0], d[2])} Xᵀ·dZ [${d.join('×')}]`, flops: 2 * d[0] * d[1] * d[2] };
      case 'matmulTransB':
        return { label: `${layerOf(d[2], d[1])} dZ·Wᵀ [${d.join('×')}]`, flops: 2 * d[0] * d[1] * d[2] };
      default:
        return { label: `${method} [${d.join('×')}]`, flops: 0 };
    }
  };
}
