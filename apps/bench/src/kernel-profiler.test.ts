import { jsKernels } from '@backprop/core';
import { denseStackLabeller, profileKernels } from './kernel-profiler';

describe('profileKernels', () => {
  it('counts every call per site, names the GEMMs by layer and shape, and still computes', () => {
    const { kernels, sites } = profileKernels(jsKernels, denseStackLabeller([4, 3, 2]));
    const x = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const w = new Float32Array(12).fill(1);
    const c = new Float32Array(6);
    kernels.matmul(x, w, c, 2, 4, 3);
    kernels.matmul(x, w, c, 2, 4, 3);
    kernels.matmulTransA(x, c, new Float32Array(12), 4, 2, 3);
    expect(Array.from(c)).toEqual([10, 10, 10, 26, 26, 26]);
    const list = [...sites.values()].map((s) => [s.label, s.calls, s.flops]);
    expect(list).toEqual([
      ['dense_1 X·W [2×4×3]', 2, 48],
      ['dense_1 Xᵀ·dZ [4×2×3]', 1, 48],
    ]);
    for (const s of sites.values()) expect(s.ms).toBeGreaterThanOrEqual(0);
  });
});
