import type { Kernels } from './kernels';

/**
 * The three GEMMs of the js reference kernels, c (+)= a·b, a·bᵀ and aᵀ·b, row-major. The innermost loop
 * walks memory contiguously, and four steps of the shared dimension are taken per pass over a row of c:
 * one load and one store of c[i, j] per four multiply-adds instead of per one. With one step per pass the
 * loop was bound by those loads and stores — the Conv2D GEMMs of the bench's CNN (shared dimension 288 or
 * 7744, c of 64 columns) ran at ~0.4 GFLOP/s. Sums are formed in float64 (JavaScript numbers) and stored
 * as float32 once per pass, so the result is as accurate as the one-step loop or more.
 */
export const jsGemmKernels: Pick<Kernels, 'matmul' | 'matmulTransA' | 'matmulTransB'> = {
  /** c (m×n) (+)= a (m×k) · b (k×n). */
  matmul(a, b, c, m, k, n, accumulate = false) {
    if (!accumulate) c.fill(0, 0, m * n);
    const k4 = k - (k % 4);
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      const ai = i * k;
      let p = 0;
      for (; p < k4; p += 4) {
        const a0 = a[ai + p], a1 = a[ai + p + 1], a2 = a[ai + p + 2], a3 = a[ai + p + 3];
        const b0 = p * n;
        const b1 = b0 + n, b2 = b0 + 2 * n, b3 = b0 + 3 * n;
        for (let j = 0; j < n; j++) c[ci + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
      }
      for (; p < k; p++) {
        const aip = a[ai + p];
        const bp = p * n;
        for (let j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
      }
    }
  },

  /** c (m×n) (+)= a (m×k) · bᵀ, b (n×k): four dot products share each load of a's row. */
  matmulTransB(a, b, c, m, k, n, accumulate = false) {
    const n4 = n - (n % 4);
    for (let i = 0; i < m; i++) {
      const ai = i * k;
      const ci = i * n;
      let j = 0;
      for (; j < n4; j += 4) {
        const b0 = j * k;
        const b1 = b0 + k, b2 = b0 + 2 * k, b3 = b0 + 3 * k;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let p = 0; p < k; p++) {
          const v = a[ai + p];
          s0 += v * b[b0 + p];
          s1 += v * b[b1 + p];
          s2 += v * b[b2 + p];
          s3 += v * b[b3 + p];
        }
        if (accumulate) {
          s0 += c[ci + j];
          s1 += c[ci + j + 1];
          s2 += c[ci + j + 2];
          s3 += c[ci + j + 3];
        }
        c[ci + j] = s0;
        c[ci + j + 1] = s1;
        c[ci + j + 2] = s2;
        c[ci + j + 3] = s3;
      }
      for (; j < n; j++) {
        const bj = j * k;
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[ai + p] * b[bj + p];
        c[ci + j] = accumulate ? c[ci + j] + sum : sum;
      }
    }
  },

  /** c (m×n) (+)= aᵀ · b, a (k×m), b (k×n). */
  matmulTransA(a, b, c, m, k, n, accumulate = false) {
    if (!accumulate) c.fill(0, 0, m * n);
    const k4 = k - (k % 4);
    let p = 0;
    for (; p < k4; p += 4) {
      const a0 = p * m;
      const a1 = a0 + m, a2 = a0 + 2 * m, a3 = a0 + 3 * m;
      const b0 = p * n;
      const b1 = b0 + n, b2 = b0 + 2 * n, b3 = b0 + 3 * n;
      for (let i = 0; i < m; i++) {
        const v0 = a[a0 + i], v1 = a[a1 + i], v2 = a[a2 + i], v3 = a[a3 + i];
        const ci = i * n;
        for (let j = 0; j < n; j++) c[ci + j] += v0 * b[b0 + j] + v1 * b[b1 + j] + v2 * b[b2 + j] + v3 * b[b3 + j];
      }
    }
    for (; p < k; p++) {
      const ap = p * m;
      const bp = p * n;
      for (let i = 0; i < m; i++) {
        const api = a[ap + i];
        const ci = i * n;
        for (let j = 0; j < n; j++) c[ci + j] += api * b[bp + j];
      }
    }
  },
};
